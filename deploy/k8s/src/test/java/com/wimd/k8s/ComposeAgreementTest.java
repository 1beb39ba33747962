package com.wimd.k8s;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml and the dev overlay run the same system: the same services, ports and variables. */
class ComposeAgreementTest {

    private final ComposeFile compose = ComposeFile.read();

    @Test
    void both_run_the_four_services_built_here() {
        assertThat(compose.builtHere()).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
    }

    @Test
    void both_give_each_service_the_same_port() {
        for (String service : Manifests.SERVICES) {
            int port = Manifests.container(Manifests.deployment(Manifests.overlay("dev"), service)).getPorts().get(0)
                    .getContainerPort();

            assertThat(compose.httpPort(service)).as(service).isEqualTo(port);
        }
    }

    @Test
    void both_give_each_service_the_same_variables() {
        for (String service : Manifests.SERVICES) {
            Set<String> kubernetes = new TreeSet<>(EnvironmentTest.provided("dev", service));
            kubernetes.remove("KUBERNETES_NAMESPACE"); // the generator's, from the pod

            assertThat(compose.environment(service)).as(service).containsExactlyInAnyOrderElementsOf(kubernetes);
        }
    }

    @Test
    void both_run_the_same_infrastructure_images() {
        var dev = Manifests.overlay("dev");
        Set<String> images = new TreeSet<>();
        dev.forEach(r -> Containers.of(r).forEach(c -> images.add(c.getImage())));
        for (String infrastructure : Set.of("postgres", "kafka", "keycloak", "mail-catcher")) {
            assertThat(images).as(infrastructure).contains(compose.defaultImage(infrastructure));
        }
    }
}
