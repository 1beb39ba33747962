package com.wimd.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_resource_of_the_overlay_parses_into_its_model_with_no_field_left_over(String overlay) {
        List<HasMetadata> resources = Manifests.overlay(overlay);

        assertThat(resources).hasSizeGreaterThan(20);
        assertThat(resources).filteredOn(r -> r instanceof GenericKubernetesResource)
                .allSatisfy(r -> assertThat(Manifests.WITHOUT_MODEL).contains(r.getApiVersion() + "/" + r.getKind()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void no_overlay_carries_a_secret(String overlay) {
        assertThat(Manifests.overlay(overlay)).noneMatch(Secret.class::isInstance);
    }

    /** The document, parsed strictly, is refused with a message that names {@code culprit}. */
    private static void assertRefused(String yaml, String culprit) throws Exception {
        JsonNode document = new YAMLMapper().readTree(yaml);
        assertThatThrownBy(() -> Manifests.parseStrictly(document)).hasMessageContaining(culprit);
    }

    @Test
    void a_misspelt_field_fails_the_parse() throws Exception {
        assertRefused("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: booking-service }
                spec:
                  template:
                    spec:
                      containers:
                        - name: booking-service
                          imagePullPolicyy: IfNotPresent
                """, "imagePullPolicyy");
    }

    @Test
    void a_misspelt_field_of_a_strimzi_resource_fails_the_parse() throws Exception {
        assertRefused("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: { name: booking-requested }
                spec: { topicName: BookingRequested, partition: 3 }
                """, "partition");
    }

    @Test
    void a_kind_no_model_knows_fails_the_parse() throws Exception {
        assertRefused("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata: { name: booking-service }
                """, "Deploymnet");
    }
}
