package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringTest {

    private final List<HasMetadata> prod = Manifests.overlay("prod");

    @Test
    void prometheus_scrapes_every_service_pod_on_its_http_port_inside_the_cluster() {
        PodMonitor monitor = Manifests.all(prod, PodMonitor.class).get(0);

        assertThat(monitor.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/part-of", "coach");
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("http");
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
        });
        for (String service : Manifests.SERVICES) {
            assertThat(Manifests.container(Manifests.deployment(prod, service)).getPorts().get(0).getName()).isEqualTo("http");
        }
    }

    @Test
    void the_alerts_cover_a_parked_message_a_late_saga_a_stuck_outbox_and_a_reconciliation_list() {
        List<Rule> rules = Manifests.all(prod, PrometheusRule.class).get(0).getSpec().getGroups().stream()
                .flatMap(group -> group.getRules().stream()).toList();

        assertThat(rules).extracting(Rule::getAlert).contains("CoachMessageParked", "CoachSagaPastDeadline",
                "CoachOutboxLag", "CoachReconciliationNotEmpty");
        assertThat(rules).filteredOn(r -> r.getAlert().equals("CoachOutboxLag")).singleElement()
                .satisfies(r -> assertThat(r.getExpr().getStrVal()).contains("coach_outbox_lag_seconds").endsWith("> 60"));
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getAnnotations()).containsKeys("summary", "runbook");
            assertThat(rule.getLabels()).containsKey("severity");
        });
        // the runbook explains each alert by name
        String runbook = Manifests.read(Manifests.ROOT.resolve("docs/operations.md"));
        assertThat(rules).allSatisfy(rule -> assertThat(runbook).contains(rule.getAlert()));
    }

    @Test
    void prod_sends_traces_to_the_collector_and_may_reach_it() {
        for (String service : Manifests.SERVICES) {
            assertThat(EnvironmentTest.settings("prod", service))
                    .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                    .hasEntrySatisfying("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", e -> assertThat(e).endsWith(":4317"));
        }
        assertThat(EnvironmentTest.settings("dev", "booking-service")).doesNotContainKey("QUARKUS_OTEL_SDK_DISABLED");
    }
}
