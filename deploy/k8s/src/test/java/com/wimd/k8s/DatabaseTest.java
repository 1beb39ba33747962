package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wimd.k8s.SecretTemplatesTest.path;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    private final List<HasMetadata> prod = Manifests.overlay("prod");
    private final GenericKubernetesResource cluster = Manifests.generic(prod, "Cluster").get(0);

    @Test
    void each_service_has_its_own_database_owned_by_its_own_role_on_the_primary() {
        List<GenericKubernetesResource> databases = Manifests.generic(prod, "Database");
        Map<String, Map<String, String>> templates = Manifests.secretTemplates();
        for (String service : Manifests.SERVICES) {
            String database = service.substring(0, service.indexOf('-'));
            String role = templates.get(service + "-db").get("username");

            assertThat(databases).as(service).anySatisfy(d -> {
                assertThat(path(d, "spec", "name")).isEqualTo(database);
                assertThat(path(d, "spec", "owner")).isEqualTo(role);
                assertThat(path(d, "spec", "cluster", "name")).isEqualTo(cluster.getMetadata().getName());
            });
            String primary = cluster.getMetadata().getName() + "-rw:5432/" + database;
            assertThat(EnvironmentTest.settings("prod", service))
                    .containsEntry("DB_REACTIVE_URL", "postgresql://" + primary)
                    .containsEntry("DB_JDBC_URL", "jdbc:postgresql://" + primary);
        }
    }

    @Test
    void the_cluster_keeps_three_instances_and_archives_to_its_backups_every_night() {
        assertThat(path(cluster, "spec", "instances")).isEqualTo(3);
        List<?> plugins = (List<?>) path(cluster, "spec", "plugins");
        assertThat(plugins).singleElement().satisfies(plugin -> {
            Map<?, ?> p = (Map<?, ?>) plugin;
            assertThat(p.get("isWALArchiver")).isEqualTo(true);
            String store = (String) ((Map<?, ?>) p.get("parameters")).get("barmanObjectName");
            assertThat(Manifests.generic(prod, "ObjectStore")).extracting(s -> s.getMetadata().getName()).contains(store);
        });
        GenericKubernetesResource nightly = Manifests.generic(prod, "ScheduledBackup").get(0);
        assertThat(path(nightly, "spec", "cluster", "name")).isEqualTo(cluster.getMetadata().getName());
        assertThat(path(nightly, "spec", "method")).isEqualTo("plugin");
        assertThat(path(Manifests.generic(prod, "ObjectStore").get(0), "spec", "retentionPolicy")).isNotNull();
    }

    @Test
    void the_cluster_has_room_for_every_pool() {
        int needed = 0;
        for (String service : Manifests.SERVICES) {
            int size = Integer.parseInt(ServiceConfig.of(service).properties()
                    .getOrDefault("quarkus.datasource.reactive.max-size", "20"));
            int pods = maxPods(service);
            int surge = (pods + 3) / 4; // a rollout's extra pods: Kubernetes' default maxSurge, 25 % rounded up
            needed += (size + 1) * (pods + surge); // and one JDBC connection a pod for Flyway at its start
        }
        GenericKubernetesResource keycloak = Manifests.generic(prod, "Keycloak").get(0);
        needed += (Integer) path(keycloak, "spec", "db", "poolMaxSize") * ((Integer) path(keycloak, "spec", "instances") + 1);
        needed += 3 + 5; // PostgreSQL's reserve for superusers (the operator's own) and its replicas' streaming
        Object connections = path(cluster, "spec", "postgresql", "parameters", "max_connections");
        assertThat(Integer.parseInt((String) connections)).isGreaterThanOrEqualTo(needed);
    }

    private int maxPods(String service) {
        return Manifests.all(prod, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)
                .stream().filter(a -> a.getSpec().getScaleTargetRef().getName().equals(service))
                .map(a -> a.getSpec().getMaxReplicas()).findFirst()
                .orElseGet(() -> Manifests.deployment(prod, service).getSpec().getReplicas());
    }
}
