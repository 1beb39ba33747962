package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedManifestsTest {

    @Test
    void the_base_holds_what_the_build_generates_for_each_service() {
        for (String service : Manifests.SERVICES) {
            Path built = Manifests.ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
            assertThat(built).as("written by the service's build (quarkus-kubernetes), which runs before this module")
                    .exists();
            List<HasMetadata> generated = Manifests.parse(Manifests.read(built));
            List<HasMetadata> committed = Manifests.parse(
                    Manifests.read(Manifests.K8S.resolve("base/generated").resolve(service + ".yml")));

            assertThat(committed).as(service + ": deploy/k8s/generate.sh brings the base up to date")
                    .isEqualTo(generated);
        }
    }

    @Test
    void the_base_generates_nothing_but_deployments_and_services() throws Exception {
        try (var files = Files.list(Manifests.K8S.resolve("base/generated"))) {
            for (Path file : files.toList()) {
                assertThat(Manifests.parse(Manifests.read(file))).extracting(HasMetadata::getKind)
                        .as(file.toString()).containsExactlyInAnyOrder("Service", "Deployment");
            }
        }
    }
}
