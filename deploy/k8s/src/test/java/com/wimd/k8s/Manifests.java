package com.wimd.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The manifests as a cluster would get them: an overlay rendered by {@code kubectl kustomize}, each document parsed
 * into its typed model (fabric8's for Kubernetes' own kinds and the Prometheus operator's, Strimzi's for Kafka), and
 * parsed strictly: a field the model does not know is an error, not a value kept aside. CloudNativePG and the Keycloak
 * operator publish no Java model; their resources stay generic and their tests read the fields they need.
 */
final class Manifests {

    static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> SERVICES = List.of("booking-service", "payment-service", "calendar-service",
            "notification-service");
    static final List<String> OVERLAYS = List.of("prod", "dev");

    /** Kinds of the operators' APIs, by apiVersion and kind, with the class that models them. */
    private static final Map<String, Class<? extends KubernetesResource>> CUSTOM = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "monitoring.coreos.com/v1/PodMonitor", PodMonitor.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);
    /** Kinds with no Java model to parse them by (see the class comment). */
    static final Set<String> WITHOUT_MODEL = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore",
            "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The overlay's resources, rendered and parsed once per test run. */
    static List<HasMetadata> overlay(String name) {
        return RENDERED.computeIfAbsent(name, overlay -> parse(render(K8S.resolve("overlays").resolve(overlay))));
    }

    /** {@code kubectl kustomize} of a directory; the load restrictor off, as dev's README command has it. */
    static String render(Path directory) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone",
                    directory.toString()).redirectErrorStream(false).start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the overlays (kustomize v4 or later: kubectl 1.21+;"
                    + " .ci/run says where it comes from): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isEmpty() || document.isNull()) {
                    continue;
                }
                resources.add(parseStrictly(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    static HasMetadata parseStrictly(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<? extends KubernetesResource> custom = CUSTOM.get(type);
        HasMetadata resource = custom != null
                ? (HasMetadata) SERIALIZATION.convertValue(document, custom)
                : SERIALIZATION.unmarshal(document.toString());
        if (resource instanceof GenericKubernetesResource) {
            if (!WITHOUT_MODEL.contains(type)) {
                throw new AssertionError("no model knows " + type + " (" + document.path("metadata").path("name") + ")");
            }
            return resource;
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(resource, type + " " + resource.getMetadata().getName(), unknown,
                Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields the model does not know: " + unknown);
        }
        return resource;
    }

    /** Every field the models kept aside (their additionalProperties) anywhere under {@code value}. */
    private static void unknownFields(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> resources, Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> resources, Class<T> kind, String name) {
        return all(resources, kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    static List<GenericKubernetesResource> generic(List<HasMetadata> resources, String kind) {
        return all(resources, GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    static Deployment deployment(List<HasMetadata> resources, String service) {
        return named(resources, Deployment.class, service);
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** A ConfigMap by the name a Deployment refers to (kustomize's hashed name). */
    static ConfigMap configMap(List<HasMetadata> resources, String name) {
        return named(resources, ConfigMap.class, name);
    }

    /** Secret templates (deploy/k8s/secrets): each Secret's name with the keys it holds. */
    static Map<String, Map<String, String>> secretTemplates() {
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(K8S.resolve("secrets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (HasMetadata resource : parse(Files.readString(file))) {
                    io.fabric8.kubernetes.api.model.Secret secret = (io.fabric8.kubernetes.api.model.Secret) resource;
                    secrets.put(secret.getMetadata().getName(), secret.getStringData());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
