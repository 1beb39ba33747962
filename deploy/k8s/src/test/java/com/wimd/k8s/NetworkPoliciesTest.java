package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wimd.k8s.SecretTemplatesTest.path;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkPoliciesTest {

    private static List<NetworkPolicy> policies(String overlay) {
        return Manifests.all(Manifests.overlay(overlay), NetworkPolicy.class);
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector.getMatchLabels() == null
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static Map<String, String> podLabels(String overlay, String service) {
        return Manifests.deployment(Manifests.overlay(overlay), service).getSpec().getTemplate().getMetadata()
                .getLabels();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void the_outside_reaches_the_services_only_through_the_ingress_controller(String overlay) {
        for (String service : Manifests.SERVICES) {
            List<NetworkPolicy> in = policies(overlay).stream()
                    .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                    .filter(p -> selects(p.getSpec().getPodSelector(), podLabels(overlay, service))).toList();

            assertThat(in).as(service).isNotEmpty();
            in.forEach(policy -> policy.getSpec().getIngress().forEach(rule -> {
                assertThat(rule.getFrom()).as(service).isNotEmpty().allSatisfy(peer -> {
                    assertThat(peer.getIpBlock()).as("no address range is let in").isNull();
                    if (peer.getNamespaceSelector() != null) {
                        assertThat(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                                .isIn("ingress-nginx", "monitoring");
                    } else {
                        assertThat(peer.getPodSelector().getMatchLabels())
                                .containsEntry("app.kubernetes.io/part-of", "coach");
                    }
                });
                int port = ServiceConfig.of(service).httpPort();
                assertThat(rule.getPorts()).anySatisfy(p -> assertThat(covers(p, port)).isTrue());
            }));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void the_services_reach_kafka_and_postgresql_whose_pods_carry_the_labels_the_policies_name(String overlay) {
        Map<String, Map<String, String>> infrastructure = infrastructureLabels(overlay);
        List<NetworkPolicyEgressRule> out = policies(overlay).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                .filter(p -> selects(p.getSpec().getPodSelector(), podLabels(overlay, "booking-service")))
                .flatMap(p -> p.getSpec().getEgress().stream()).toList();

        assertThat(reaches(out, infrastructure.get("kafka"), 9092)).as("Kafka").isTrue();
        assertThat(reaches(out, infrastructure.get("postgres"), 5432)).as("PostgreSQL").isTrue();
        for (String service : Manifests.SERVICES) {
            assertThat(reaches(out, podLabels(overlay, service), ServiceConfig.of(service).httpPort()))
                    .as(service + "'s health port").isTrue();
        }
    }

    private static boolean reaches(List<NetworkPolicyEgressRule> rules, Map<String, String> labels, int port) {
        return rules.stream().anyMatch(rule -> rule.getPorts().stream().anyMatch(p -> covers(p, port))
                && rule.getTo().stream().map(NetworkPolicyPeer::getPodSelector)
                .anyMatch(selector -> selector != null && selects(selector, labels)));
    }

    private static boolean covers(NetworkPolicyPort rule, int port) {
        int from = rule.getPort().getIntVal();
        int to = rule.getEndPort() != null ? rule.getEndPort() : from;
        return port >= from && port <= to;
    }

    /** The labels on the infrastructure's pods: dev's StatefulSets, prod's operator templates. */
    private static Map<String, Map<String, String>> infrastructureLabels(String overlay) {
        List<HasMetadata> resources = Manifests.overlay(overlay);
        Map<String, Map<String, String>> labels = new HashMap<>();
        if (overlay.equals("dev")) {
            for (var set : Manifests.all(resources, io.fabric8.kubernetes.api.model.apps.StatefulSet.class)) {
                labels.put(set.getMetadata().getName(), set.getSpec().getTemplate().getMetadata().getLabels());
            }
        } else {
            KafkaNodePool pool = Manifests.all(resources, KafkaNodePool.class).get(0);
            labels.put("kafka", pool.getSpec().getTemplate().getPod().getMetadata().getLabels());
            @SuppressWarnings("unchecked")
            Map<String, String> inherited = (Map<String, String>) path(Manifests.generic(resources, "Cluster").get(0),
                    "spec", "inheritedMetadata", "labels");
            labels.put("postgres", inherited);
        }
        return labels;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_policy_selects_only_our_services(String overlay) {
        for (NetworkPolicy policy : policies(overlay)) {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).as(policy.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "coach");
        }
        assertThat(Manifests.all(Manifests.overlay(overlay), Deployment.class)).isNotEmpty();
    }
}
