package com.wimd.booking.web;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages as booking-service serves them: the page, its modules and the sign-in library are served from this
 * origin, nothing comes from anywhere else, and the sign-in settings are the provider the API trusts. (How they
 * behave in a browser: deploy/browser-tests.)
 */
@QuarkusTest
class WebPagesTest {

    static final List<String> MODULES = List.of("/app/app.js", "/app/auth.js", "/app/ui.js", "/app/booking-modal.js",
            "/app/appointments.js", "/app/console.js");

    @Test
    void the_first_page_is_html_that_loads_the_app_module() {
        String page = given().get("/").then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("<script type=\"module\" src=\"/app/app.js\"></script>").contains("<html lang=\"en\">");
    }

    @Test
    void every_module_and_stylesheet_of_the_page_is_served() {
        for (String module : MODULES) {
            given().get(module).then().statusCode(200).contentType(containsString("javascript"));
        }
        for (String css : List.of("/app/app.css", "/app/booking-modal.css", "/app/appointments.css", "/app/console.css")) {
            given().get(css).then().statusCode(200).contentType("text/css");
        }
    }

    @Test
    void sign_in_uses_the_code_flow_with_pkce_from_the_webjar_this_service_serves() {
        String auth = given().get("/app/auth.js").then().statusCode(200).extract().asString();
        assertThat(auth).contains("pkceMethod: 'S256'").doesNotContain("localStorage.").doesNotContain("grant_type");
        Matcher imported = Pattern.compile("from '(/webjars/[^']+)'").matcher(auth);
        assertThat(imported.find()).as("auth.js imports the sign-in library from a WebJar").isTrue();
        given().get(imported.group(1)).then().statusCode(200);
    }

    @Test
    void the_sign_in_librarys_own_dependencies_named_in_the_import_map_are_served() {
        String page = given().get("/").then().extract().asString();
        Matcher paths = Pattern.compile("\"(/(?:webjars|app)/[^\"]+\\.m?js)\"").matcher(page);
        int found = 0;
        while (paths.find()) {
            given().get(paths.group(1)).then().statusCode(200);
            found++;
        }
        assertThat(found).as("the import map and the scripts name their files").isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_web_config_names_the_provider_the_api_trusts_and_the_public_web_client() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        SignIn expected = SignIn.fromIssuer(issuer, "booking-api");
        var config = given().get("/booking/web-config").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(config.getString("sign_in.url")).isEqualTo(expected.url());
        assertThat(config.getString("sign_in.realm")).isEqualTo(expected.realm());
        assertThat(config.getString("sign_in.client_id")).isEqualTo("booking-api");
        assertThat(config.getString("coach_zone")).isEqualTo("America/Toronto");
        assertThat(config.getInt("horizon_days")).isEqualTo(90);
        assertThat(config.getBoolean("sms_enabled")).isFalse();
    }

    @Test
    void nothing_on_the_pages_loads_from_another_origin() {
        Pattern external = Pattern.compile("(?:src|href)\\s*=\\s*\"https?://|import\\s[^;]*?from\\s*'https?://|import\\(\\s*'https?://");
        String page = given().get("/").then().extract().asString();
        assertThat(external.matcher(page).find()).as("index.html").isFalse();
        for (String module : MODULES) {
            String code = given().get(module).then().extract().asString();
            assertThat(external.matcher(code).find()).as(module).isFalse();
        }
    }

    @Test
    void every_page_has_a_content_security_policy_without_unsafe_inline_that_allows_its_own_inline_scripts_by_hash() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        String policy = given().get("/").then().extract().header("Content-Security-Policy");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "script-src 'self'");
        assertThat(WebPagePolicy.inlineScriptHashes(page)).as("the import map").hasSize(1)
                .allSatisfy(hash -> assertThat(policy).contains(hash));
        assertThat(given().get("/silent-check-sso.html").then().statusCode(200).extract().header("Content-Security-Policy"))
                .as("framed by the pages themselves, by nobody else").contains("frame-ancestors 'self'");
        String modified = given().get("/").then().extract().header("Last-Modified");
        if (modified != null) { // a revalidated page keeps its policy: the 304's headers replace the cached ones
            var notModified = given().header("If-Modified-Since", modified).get("/").then().extract();
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.header("Content-Security-Policy")).isEqualTo(policy);
        }
    }

    @Test
    void every_answer_says_nosniff_and_its_referrer_policy_and_an_api_answer_may_not_load_or_be_framed() {
        for (String path : List.of("/", "/app/app.js", "/booking/availability", "/booking/web-config", "/booking/nothing-here")) {
            var answer = given().get(path).then().extract();
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(answer.header("Strict-Transport-Security")).as(path + " over plain http").isNull();
        }
        assertThat(given().get("/booking/availability").then().extract().header("Content-Security-Policy"))
                .startsWith("default-src 'none'").contains("frame-ancestors 'none'");
    }

    @Test
    void over_tls_as_the_ingress_says_every_answer_asks_the_browser_to_keep_to_https() {
        assertThat(given().header("X-Forwarded-Proto", "https").get("/booking/availability").then().extract()
                .header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }
}
