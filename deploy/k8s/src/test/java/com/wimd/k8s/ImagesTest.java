package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImagesTest {

    @Test
    void dev_runs_the_images_the_build_makes_under_their_own_names() {
        for (String service : Manifests.SERVICES) {
            String built = ServiceConfig.of(service).image();

            assertThat(built).isEqualTo("localhost/coach/" + service + ":latest");
            assertThat(Manifests.container(Manifests.deployment(Manifests.overlay("dev"), service)).getImage())
                    .as(service).isEqualTo(built);
        }
    }

    @Test
    void prod_runs_the_same_images_from_its_registry_never_latest() {
        for (String service : Manifests.SERVICES) {
            String image = Manifests.container(Manifests.deployment(Manifests.overlay("prod"), service)).getImage();

            assertThat(image).as(service).contains("/coach/" + service + ":").doesNotStartWith("localhost/")
                    .doesNotEndWith(":latest");
        }
    }

    @Test
    void docker_compose_runs_the_same_images() {
        ComposeFile compose = ComposeFile.read();
        for (String service : Manifests.SERVICES) {
            // podman names an image built as coach/x localhost/coach/x; Docker leaves it coach/x
            assertThat("localhost/" + compose.defaultImage(service)).as(service)
                    .isEqualTo(ServiceConfig.of(service).image());
        }
    }

    @Test
    void every_container_of_the_overlays_names_a_tag() {
        for (String overlay : Manifests.OVERLAYS) {
            List<HasMetadata> resources = Manifests.overlay(overlay);
            List<String> images = resources.stream().flatMap(r -> Containers.of(r).stream()).map(c -> c.getImage()).toList();

            assertThat(images).as(overlay).isNotEmpty().allMatch(image -> image.matches(".+:[A-Za-z0-9._-]+"));
        }
    }
}
