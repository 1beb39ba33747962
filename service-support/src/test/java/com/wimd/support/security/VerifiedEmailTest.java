package com.wimd.support.security;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedEmailTest {

    @Test
    void only_a_claim_that_says_true_counts_as_verified() {
        assertThat(VerifiedEmail.verified(Boolean.TRUE)).isTrue();
        assertThat(VerifiedEmail.verified(JsonValue.TRUE)).isTrue();
        assertThat(VerifiedEmail.verified(Json.createValue("true"))).isTrue();
        assertThat(VerifiedEmail.verified("true")).isTrue();

        assertThat(VerifiedEmail.verified(Boolean.FALSE)).isFalse();
        assertThat(VerifiedEmail.verified(JsonValue.FALSE)).isFalse();
        assertThat(VerifiedEmail.verified(Json.createValue("yes"))).isFalse();
        assertThat(VerifiedEmail.verified(null)).as("no claim: not verified").isFalse();
    }
}
