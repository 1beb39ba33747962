package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_service_has_a_deployment_and_a_service_and_nothing_else_of_ours_runs_unlisted(String overlay) {
        List<HasMetadata> resources = Manifests.overlay(overlay);

        assertThat(Manifests.all(resources, Deployment.class))
                .filteredOn(d -> "coach".equals(d.getMetadata().getLabels().get("app.kubernetes.io/part-of")))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (String service : Manifests.SERVICES) {
            Manifests.named(resources, Service.class, service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_service_is_probed_on_its_three_health_endpoints(String overlay) {
        for (String service : Manifests.SERVICES) {
            Container container = Manifests.container(Manifests.deployment(Manifests.overlay(overlay), service));
            int port = container.getPorts().get(0).getContainerPort();

            assertProbe(container.getStartupProbe(), "/q/health/started", port, service);
            assertProbe(container.getLivenessProbe(), "/q/health/live", port, service);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", port, service);
            // a start may take a minute and more on a busy node: the startup probe waits, liveness does not kill it
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as(service).isGreaterThanOrEqualTo(120);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void an_autoscaled_service_leaves_its_replicas_to_the_autoscaler_and_the_others_run_two(String overlay) {
        List<HasMetadata> resources = Manifests.overlay(overlay);
        var autoscaled = Manifests.all(resources, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)
                .stream().map(a -> a.getSpec().getScaleTargetRef().getName()).toList();

        assertThat(autoscaled).containsExactlyInAnyOrder("booking-service", "notification-service");
        for (String service : Manifests.SERVICES) {
            Integer replicas = Manifests.deployment(resources, service).getSpec().getReplicas();
            if (autoscaled.contains(service)) {
                assertThat(replicas).as(service).isNull();
            } else {
                assertThat(replicas).as(service).isEqualTo(2);
            }
        }
    }

    private static void assertProbe(Probe probe, String path, int port, String service) {
        assertThat(probe).as(service + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(service).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getIntVal()).as(service).isEqualTo(port);
        assertThat(probe.getTimeoutSeconds()).as(service).isLessThan(probe.getPeriodSeconds() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_service_asks_for_cpu_and_memory_and_is_limited_in_memory_above_its_heap(String overlay) {
        for (String service : Manifests.SERVICES) {
            Container container = Manifests.container(Manifests.deployment(Manifests.overlay(overlay), service));
            var requests = container.getResources().getRequests();
            var limits = container.getResources().getLimits();

            assertThat(requests).as(service).containsKeys("cpu", "memory");
            assertThat(limits).as(service).containsKeys("cpu", "memory");
            long heap = 320L << 20; // the image's -Xmx320m (deploy/containers/Dockerfile.jvm)
            assertThat(requests.get("memory").getNumericalAmount().longValue()).as(service).isGreaterThan(heap);
            assertThat(limits.get("memory").getNumericalAmount()).as(service)
                    .isGreaterThanOrEqualTo(requests.get("memory").getNumericalAmount());
            assertThat(limits.get("cpu").getNumericalAmount()).as(service)
                    .isGreaterThanOrEqualTo(requests.get("cpu").getNumericalAmount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_service_runs_as_a_user_on_a_read_only_root_with_no_privilege_and_no_api_token(String overlay) {
        for (String service : Manifests.SERVICES) {
            Deployment deployment = Manifests.deployment(Manifests.overlay(overlay), service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = Manifests.container(deployment);
            SecurityContext security = container.getSecurityContext();

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(service).isEqualTo(185L);
            assertThat(security.getRunAsNonRoot()).as(service).isTrue();
            assertThat(security.getReadOnlyRootFilesystem()).as(service).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(service).isFalse();
            assertThat(security.getCapabilities().getDrop()).as(service).containsExactly("ALL");
            assertThat(security.getSeccompProfile().getType()).as(service).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(service).isFalse();
            // what Quarkus writes (Vert.x's cache, Netty's native libraries) goes to a writable /tmp
            assertThat(container.getVolumeMounts()).as(service).extracting(VolumeMount::getMountPath).contains("/tmp");
            assertThat(pod.getVolumes()).as(service).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void every_service_port_is_the_one_the_service_listens_on(String overlay) {
        for (String service : Manifests.SERVICES) {
            List<HasMetadata> resources = Manifests.overlay(overlay);
            Container container = Manifests.container(Manifests.deployment(resources, service));
            Service kubernetesService = Manifests.named(resources, Service.class, service);
            int port = ServiceConfig.of(service).httpPort();

            assertThat(container.getPorts()).as(service).singleElement()
                    .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(port));
            assertThat(kubernetesService.getSpec().getPorts()).as(service).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(port);
                assertThat(p.getName()).isEqualTo("http");
            });
        }
    }
}
