package com.wimd.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as its build and its start read it: service-support's shared defaults
 * (META-INF/microprofile-config.properties), overridden by the service's application.properties. Profiles other than
 * prod (%dev., %test.) are left out: a cluster runs the prod profile.
 */
record ServiceConfig(String service, Map<String, String> properties) {

    /** {@code ${NAME}} or {@code ${NAME:default}}, NAME an environment variable (upper case). */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    static ServiceConfig of(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        load(properties, "service-support/src/main/resources/META-INF/microprofile-config.properties");
        load(properties, service + "/src/main/resources/application.properties");
        return new ServiceConfig(service, properties);
    }

    private static void load(Map<String, String> into, String file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Manifests.read(Manifests.ROOT.resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> into.put(key, properties.getProperty(key)));
    }

    String property(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new AssertionError(service + " has no " + key);
        }
        return value;
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    /** The image the build makes: registry/group/name:tag (quarkus.container-image.*, the name the service's). */
    String image() {
        return property("quarkus.container-image.registry") + "/" + property("quarkus.container-image.group") + "/"
                + property("quarkus.application.name") + ":" + property("quarkus.container-image.tag");
    }

    /** Environment variables the configuration reads with no default: a start without them fails. */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("quarkus.kubernetes.") || key.startsWith("quarkus.podman.")) {
                return; // build time only
            }
            Matcher matcher = VARIABLE.matcher(value);
            while (matcher.find()) {
                if (matcher.group(2) == null) {
                    names.add(matcher.group(1));
                }
            }
        });
        return names;
    }

    /** The properties by their environment variable names (payment.sandbox.webhook-url: PAYMENT_SANDBOX_WEBHOOK_URL). */
    Set<String> propertiesAsVariables() {
        Set<String> names = new TreeSet<>();
        properties.keySet().forEach(key -> names.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT)));
        return names;
    }

    /** Every environment variable the configuration reads, with or without a default. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        properties.values().forEach(value -> {
            Matcher matcher = VARIABLE.matcher(value);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }
}
