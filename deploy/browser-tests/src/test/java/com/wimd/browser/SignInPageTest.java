package com.wimd.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out through the real Keycloak: the authorization code flow with PKCE, from the page. */
class SignInPageTest extends PageTest {

    @Test
    void a_client_signs_in_on_the_providers_page_and_comes_back_signed_in_without_the_coachs_console() {
        browser.go("");
        assertThat(browser.find(By.id("home-title")).getText()).contains("phone session");
        assertThat(browser.find(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("[data-nav=appointments]")).isDisplayed()).isFalse();

        browser.signIn("alice", "alice");

        assertThat(browser.awaitText(By.id("who"), "Alice").getText()).isEqualTo("Signed in as Alice Martin");
        assertThat(browser.find(By.cssSelector("[data-nav=appointments]")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("[data-nav=coach]")).isDisplayed()).isFalse();
        assertThat((String) browser.script("return Object.keys(localStorage).join(',') + '|' + Object.values(sessionStorage).join(',')"))
                .as("no token is kept in the browser's storage").doesNotContain("ey");
        browser.screenshot("signed-in");
    }

    @Test
    void a_reload_keeps_the_client_signed_in_and_signing_out_ends_the_session_at_the_provider() {
        browser.signIn("bob", "bob");
        browser.go("#/appointments");
        assertThat(browser.awaitText(By.id("who"), "Bob").getText()).contains("Bob Tremblay");

        browser.click(By.id("sign-out"));
        browser.waitFor(d -> "signed-out".equals(d.findElement(By.tagName("body")).getAttribute("data-auth")));
        assertThat(browser.find(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("who")).getText()).isEmpty();

        browser.go("#/appointments"); // the provider's session is over: a reload does not sign in again
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("data-auth")).isEqualTo("signed-out");
        assertThat(browser.awaitText(By.id("view-appointments"), "Please sign in first").isDisplayed()).isTrue();
    }

    @Test
    void the_coach_sees_the_console_link_and_the_console() {
        browser.signIn("coach", "coach");
        browser.click(By.cssSelector("[data-nav=coach]"));
        assertThat(browser.awaitText(By.id("coach-title"), "Coach console").isDisplayed()).isTrue();
        assertThat(browser.find(By.id("tab-overview")).isDisplayed()).isTrue();
    }
}
