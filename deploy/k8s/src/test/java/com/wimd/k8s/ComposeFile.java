package com.wimd.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** docker-compose.yml, its anchors and merge keys resolved (SnakeYAML), as compose reads it. */
final class ComposeFile {

    private final Map<String, Object> services;

    @SuppressWarnings("unchecked")
    private ComposeFile() {
        Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Manifests.read(Manifests.ROOT.resolve("docker-compose.yml")));
        this.services = (Map<String, Object>) file.get("services");
    }

    static ComposeFile read() {
        return new ComposeFile();
    }

    Set<String> serviceNames() {
        return services.keySet();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    @SuppressWarnings("unchecked")
    Set<String> environment(String name) {
        Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
        return new TreeSet<>(environment.keySet());
    }

    @SuppressWarnings("unchecked")
    int httpPort(String name) {
        Map<String, Object> build = (Map<String, Object>) service(name).get("build");
        Map<String, Object> args = (Map<String, Object>) build.get("args");
        return Integer.parseInt(String.valueOf(args.get("HTTP_PORT")));
    }

    /** The image a service runs when its variable is not set: {@code ${X_IMAGE:-default}}'s default. */
    String defaultImage(String name) {
        String image = String.valueOf(service(name).get("image"));
        int from = image.indexOf(":-");
        return from < 0 ? image : image.substring(from + 2, image.lastIndexOf('}'));
    }

    /** The services built from this repository (a build context), not taken from a registry. */
    Set<String> builtHere() {
        Set<String> built = new TreeSet<>();
        services.forEach((name, service) -> {
            if (service instanceof Map<?, ?> map && map.containsKey("build")) {
                built.add(name);
            }
        });
        return built;
    }
}
