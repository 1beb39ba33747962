package com.wimd.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.List;

/** The containers of a workload (Deployment or StatefulSet); none for other kinds. */
final class Containers {

    private Containers() {
    }

    static List<Container> of(HasMetadata resource) {
        if (resource instanceof Deployment deployment) {
            return deployment.getSpec().getTemplate().getSpec().getContainers();
        }
        if (resource instanceof StatefulSet set) {
            return set.getSpec().getTemplate().getSpec().getContainers();
        }
        return List.of();
    }
}
