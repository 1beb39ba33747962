package com.wimd.booking.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInTest {

    @Test
    void a_keycloak_issuer_gives_its_base_url_and_realm() {
        assertThat(SignIn.fromIssuer("http://127.0.0.1:8180/realms/coach", "booking-api"))
                .isEqualTo(new SignIn("http://127.0.0.1:8180", "coach", "booking-api"));
    }

    @Test
    void a_trailing_slash_and_a_path_before_realms_are_kept_apart() {
        assertThat(SignIn.fromIssuer("https://id.example.com/auth/realms/coach/", "web"))
                .isEqualTo(new SignIn("https://id.example.com/auth", "coach", "web"));
    }

    @Test
    void an_issuer_without_a_realm_is_refused() {
        assertThatThrownBy(() -> SignIn.fromIssuer("http://127.0.0.1:8180/", "booking-api"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no realm");
        assertThatThrownBy(() -> SignIn.fromIssuer("http://127.0.0.1:8180/realms/", "booking-api"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignIn.fromIssuer("http://127.0.0.1:8180/realms/coach/extra", "booking-api"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_issuer_that_is_not_an_absolute_http_url_is_refused() {
        assertThatThrownBy(() -> SignIn.fromIssuer("/realms/coach", "booking-api"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> SignIn.fromIssuer("ftp://host/realms/coach", "booking-api"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_client_id_is_refused() {
        assertThatThrownBy(() -> SignIn.fromIssuer("http://h/realms/coach", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
