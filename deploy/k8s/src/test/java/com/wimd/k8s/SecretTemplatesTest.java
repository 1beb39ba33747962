package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTemplatesTest {

    private final Map<String, Map<String, String>> templates = Manifests.secretTemplates();

    @Test
    void every_template_value_is_a_placeholder_never_a_key() {
        assertThat(templates).isNotEmpty();
        templates.forEach((name, data) -> assertThat(data).as(name).isNotEmpty().allSatisfy((key, value) -> {
            boolean username = key.equals("username"); // a role's name, not a secret
            assertThat(username || value.matches("<[^<>]+>")).as(name + "." + key + " = " + value).isTrue();
        }));
    }

    @Test
    void there_is_a_template_for_stripe_google_twilio_smtp_and_each_database_role() {
        assertThat(templates).containsKeys("payment-service-stripe", "calendar-service-google",
                "notification-service-twilio", "notification-service-smtp", "booking-service-db", "payment-service-db",
                "calendar-service-db", "notification-service-db", "keycloak-db", "coach-backups-s3");
    }

    @Test
    void every_secret_prod_refers_to_has_a_template_with_the_keys_it_reads() {
        List<HasMetadata> prod = Manifests.overlay("prod");
        for (String service : Manifests.SERVICES) {
            EnvironmentTest.provided("prod", service); // fails on a Secret or key with no template
        }
        GenericKubernetesResource cluster = Manifests.generic(prod, "Cluster").get(0);
        for (Object role : (List<?>) path(cluster, "spec", "managed", "roles")) {
            String secret = (String) ((Map<?, ?>) ((Map<?, ?>) role).get("passwordSecret")).get("name");
            assertThat(templates).as("role " + ((Map<?, ?>) role).get("name")).containsKey(secret);
            assertThat(templates.get(secret)).containsEntry("username", (String) ((Map<?, ?>) role).get("name"))
                    .containsKey("password");
        }
        GenericKubernetesResource keycloak = Manifests.generic(prod, "Keycloak").get(0);
        for (String ref : Set.of("usernameSecret", "passwordSecret")) {
            Map<?, ?> secret = (Map<?, ?>) path(keycloak, "spec", "db", ref);
            assertThat(templates.get((String) secret.get("name"))).containsKey((String) secret.get("key"));
        }
        GenericKubernetesResource store = Manifests.generic(prod, "ObjectStore").get(0);
        Map<?, ?> credentials = (Map<?, ?>) path(store, "spec", "configuration", "s3Credentials");
        credentials.values().forEach(value -> {
            Map<?, ?> secret = (Map<?, ?>) value;
            assertThat(templates.get((String) secret.get("name"))).containsKey((String) secret.get("key"));
        });
        GenericKubernetesResource realm = Manifests.generic(prod, "KeycloakRealmImport").get(0);
        ((Map<?, ?>) path(realm, "spec", "placeholders")).values().forEach(value -> {
            Map<?, ?> secret = (Map<?, ?>) ((Map<?, ?>) value).get("secret");
            assertThat(templates.get((String) secret.get("name"))).containsKey((String) secret.get("key"));
        });
    }

    static Object path(GenericKubernetesResource resource, String... keys) {
        Object value = resource.getAdditionalProperties();
        for (String key : keys) {
            assertThat(value).as(String.join(".", keys)).isInstanceOf(Map.class);
            value = ((Map<?, ?>) value).get(key);
        }
        assertThat(value).as(resource.getKind() + " " + String.join(".", keys)).isNotNull();
        return value;
    }
}
