package com.wimd.infra.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A deployment that forgets a secret fails to start; it never runs on a value published in this repository. */
class NoSecretDefaultsTest {

    /** {@code NAME: ${VAR:-default}} where NAME or VAR names a secret, and the default is not empty. */
    private static final Pattern SECRET_WITH_DEFAULT = Pattern.compile(
            "(?i)([A-Z_]*(PASSWORD|SECRET|TOKEN|_KEY)[A-Z_]*)\\s*[:=]\\s*\\$\\{([A-Z_]+):-([^}]+)}");
    /** {@code key=${VAR:default}} in a properties file outside the dev and test profiles. */
    private static final Pattern PROPERTY_SECRET_WITH_DEFAULT = Pattern.compile(
            "^([a-z][\\w.-]*(password|secret|token|-key))\\s*=\\s*\\$\\{[A-Z_]+:([^}]+)}");

    @Test
    void docker_compose_gives_no_secret_a_default() throws IOException {
        List<String> offending = Files.readAllLines(Path.of("../../docker-compose.yml")).stream()
                .filter(line -> !line.trim().startsWith("#"))
                .filter(line -> SECRET_WITH_DEFAULT.matcher(line).find())
                .toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void no_service_gives_a_secret_a_default_outside_the_dev_and_test_profiles() throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.walk(Path.of("../.."), 6)) {
            files = found.filter(path -> path.toString().endsWith(".properties"))
                    .filter(path -> path.toString().contains("src/main/resources"))
                    .toList();
        }
        assertThat(files).as("the services' configuration files").hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher matcher = PROPERTY_SECRET_WITH_DEFAULT.matcher(line.trim());
                assertThat(matcher.find()).as("%s: %s", file, line).isFalse();
            }
        }
    }
}
