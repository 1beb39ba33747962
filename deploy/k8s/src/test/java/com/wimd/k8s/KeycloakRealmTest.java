package com.wimd.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.wimd.k8s.SecretTemplatesTest.path;
import static org.assertj.core.api.Assertions.assertThat;

/** prod's realm (the operator's import) against the local run's (deploy/keycloak/coach-realm.json). */
class KeycloakRealmTest {

    private final List<HasMetadata> prod = Manifests.overlay("prod");
    private final Map<?, ?> realm = (Map<?, ?>) path(Manifests.generic(prod, "KeycloakRealmImport").get(0), "spec", "realm");
    private final Map<?, ?> local = localRealm();

    private static Map<?, ?> localRealm() {
        try {
            return new ObjectMapper().readValue(Manifests.read(Manifests.ROOT.resolve("deploy/keycloak/coach-realm.json")),
                    Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<?, ?> client(Map<?, ?> realm) {
        return (Map<?, ?>) ((List<?>) realm.get("clients")).get(0);
    }

    @Test
    void the_realm_has_the_local_runs_name_roles_client_audience_and_pkce() {
        for (String key : List.of("realm", "roles", "registrationAllowed", "loginWithEmailAllowed", "accessTokenLifespan")) {
            assertThat(realm.get(key)).as(key).isEqualTo(local.get(key));
        }
        for (String key : List.of("clientId", "publicClient", "standardFlowEnabled", "attributes", "protocolMappers",
                "webOrigins")) {
            assertThat(client(realm).get(key)).as("client " + key).isEqualTo(client(local).get(key));
        }
    }

    @Test
    void the_realm_has_no_test_user_no_password_grant_and_verifies_emails() {
        assertThat(realm.get("users")).isNull();
        assertThat(client(realm).get("directAccessGrantsEnabled")).isEqualTo(false);
        assertThat(realm.get("verifyEmail")).isEqualTo(true);
        assertThat(realm.get("sslRequired")).isEqualTo("external");
    }

    @Test
    void sign_in_returns_only_to_the_public_host_and_the_services_trust_that_keycloak() {
        String host = Manifests.named(prod, Ingress.class, "coach").getSpec().getRules().get(0).getHost();
        GenericKubernetesResource keycloak = Manifests.generic(prod, "Keycloak").get(0);
        URI issuer = URI.create(EnvironmentTest.settings("prod", "booking-service").get("OIDC_AUTH_SERVER_URL"));

        assertThat(client(realm).get("redirectUris")).isEqualTo(List.of("https://" + host + "/*"));
        assertThat(issuer.getScheme()).isEqualTo("https");
        assertThat("https://" + issuer.getHost()).isEqualTo(path(keycloak, "spec", "hostname", "hostname"));
        assertThat(issuer.getPath()).isEqualTo("/realms/" + realm.get("realm"));
        assertThat(path(Manifests.generic(prod, "KeycloakRealmImport").get(0), "spec", "keycloakCRName"))
                .isEqualTo(keycloak.getMetadata().getName());
    }
}
