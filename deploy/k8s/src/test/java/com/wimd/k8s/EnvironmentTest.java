package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    /** What the dev overlay's create-secrets.sh makes: {@code make NAME ... --from-literal=KEY=...}. */
    private static final Pattern MADE_SECRET = Pattern.compile("(?m)^\\s*make (\\S+) (.*)$");
    private static final Pattern LITERAL = Pattern.compile("--from-literal=([A-Za-z_][A-Za-z0-9_]*)=");
    /** Read by a cluster, never by the service's configuration: set by the generator from the pod's namespace. */
    private static final Set<String> KUBERNETES_ONLY = Set.of("KUBERNETES_NAMESPACE");

    /** The Secrets the overlay's pods may read, with their keys: the templates in prod, the script's in dev. */
    static Map<String, Set<String>> secrets(String overlay) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        if (overlay.equals("dev")) {
            String script = Manifests.read(Manifests.K8S.resolve("overlays/dev/create-secrets.sh"));
            Matcher made = MADE_SECRET.matcher(script);
            while (made.find()) {
                if (made.group(1).startsWith("\"")) {
                    for (String service : Manifests.SERVICES) { // the loop over the four services' -db Secrets
                        secrets.put(service + "-db", literals(made.group(2)));
                    }
                } else {
                    secrets.put(made.group(1), literals(made.group(2)));
                }
            }
        } else {
            Manifests.secretTemplates().forEach((name, data) -> secrets.put(name, new TreeSet<>(data.keySet())));
        }
        return secrets;
    }

    private static Set<String> literals(String arguments) {
        Set<String> keys = new TreeSet<>();
        Matcher literal = LITERAL.matcher(arguments);
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        return keys;
    }

    /** Every variable the service's container gets, after checking each reference resolves. */
    static Set<String> provided(String overlay, String service) {
        List<HasMetadata> resources = Manifests.overlay(overlay);
        Map<String, Set<String>> secrets = secrets(overlay);
        Container container = Manifests.container(Manifests.deployment(resources, service));
        Set<String> names = new TreeSet<>();
        for (EnvVar env : container.getEnv()) {
            names.add(env.getName());
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                assertThat(secrets).as(overlay + ": the Secret %s that %s reads", ref.getName(), service)
                        .containsKey(ref.getName());
                assertThat(secrets.get(ref.getName())).as(overlay + ": key of " + ref.getName()).contains(ref.getKey());
            }
        }
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                names.addAll(Manifests.configMap(resources, from.getConfigMapRef().getName()).getData().keySet());
            } else {
                String secret = from.getSecretRef().getName();
                assertThat(secrets).as(overlay + ": the Secret %s that %s reads", secret, service).containsKey(secret);
                names.addAll(secrets.get(secret));
            }
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_variable_a_service_cannot_start_without_is_provided(String overlay) {
        for (String service : Manifests.SERVICES) {
            assertThat(provided(overlay, service)).as(overlay + ": " + service)
                    .containsAll(ServiceConfig.of(service).requiredVariables());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_variable_docker_compose_gives_a_service_is_provided(String overlay) {
        // only the sandbox (dev) delivers webhooks itself; prod's come from Stripe
        Set<String> sandboxOnly = overlay.equals("prod") ? Set.of("PAYMENT_SANDBOX_WEBHOOK_URL") : Set.of();
        ComposeFile compose = ComposeFile.read();
        for (String service : Manifests.SERVICES) {
            Set<String> needed = new TreeSet<>(compose.environment(service));
            needed.removeAll(sandboxOnly);

            assertThat(provided(overlay, service)).as(overlay + ": " + service).containsAll(needed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_variable_provided_is_one_the_service_reads(String overlay) {
        for (String service : Manifests.SERVICES) {
            Set<String> read = ServiceConfig.of(service).variables();
            read.addAll(ServiceConfig.of(service).propertiesAsVariables());
            assertThat(provided(overlay, service)).as(overlay + ": " + service)
                    .allMatch(name -> read.contains(name) || name.startsWith("QUARKUS_") || KUBERNETES_ONLY.contains(name),
                            "read by the configuration (a ${VARIABLE} or a property by its variable name) or a Quarkus setting");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void the_modes_that_need_keys_get_them(String overlay) {
        Map<String, String> payment = settings(overlay, "payment-service");
        Map<String, String> calendar = settings(overlay, "calendar-service");
        if (overlay.equals("prod")) {
            assertThat(payment).containsEntry("PAYMENT_MODE", "live");
            assertThat(calendar).containsEntry("CALENDAR_MODE", "google");
        } else {
            assertThat(payment).containsEntry("PAYMENT_MODE", "sandbox");
            assertThat(calendar).containsEntry("CALENDAR_MODE", "local");
        }
        assertThat(provided(overlay, "payment-service"))
                .contains("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET");
        assertThat(provided(overlay, "calendar-service")).contains("GOOGLE_SERVICE_ACCOUNT_KEY");
        assertThat(provided(overlay, "notification-service"))
                .contains("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PHONE_NUMBER", "SMTP_HOST");
        // the page offers texts exactly when notification-service sends them
        assertThat(settings(overlay, "booking-service").get("TWILIO_SMS_ENABLED"))
                .isEqualTo(settings(overlay, "notification-service").get("TWILIO_SMS_ENABLED"));
    }

    /** The literal settings (ConfigMaps) a service's container gets. */
    static Map<String, String> settings(String overlay, String service) {
        List<HasMetadata> resources = Manifests.overlay(overlay);
        Map<String, String> settings = new LinkedHashMap<>();
        for (EnvFromSource from : Manifests.container(Manifests.deployment(resources, service)).getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                settings.putAll(Manifests.configMap(resources, from.getConfigMapRef().getName()).getData());
            }
        }
        return settings;
    }
}
