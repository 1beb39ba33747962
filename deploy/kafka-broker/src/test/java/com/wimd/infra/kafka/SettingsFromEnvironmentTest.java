package com.wimd.infra.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The container stand-in reads the official apache/kafka image's variables as that image does. */
class SettingsFromEnvironmentTest {

    @Test
    void a_kafka_variable_is_the_setting_named_in_lower_case_with_dots() {
        assertThat(KafkaBrokerMain.settingsFromEnvironment(Map.of(
                "KAFKA_LOG_DIRS", "/var/lib/kafka/data",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "KAFKA_NODE_ID", "1")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "log.dirs", "/var/lib/kafka/data",
                        "listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "node.id", "1"));
    }

    @Test
    void two_underscores_are_an_underscore_and_three_a_dash() {
        assertThat(KafkaBrokerMain.settingsFromEnvironment(Map.of(
                "KAFKA_LISTENER_NAME_PLAINTEXT__X_SASL", "a",
                "KAFKA_SOME___DASHED_NAME", "b")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "listener.name.plaintext_x.sasl", "a",
                        "some-dashed.name", "b"));
    }

    @Test
    void the_jvm_options_and_other_variables_are_not_settings() {
        assertThat(KafkaBrokerMain.settingsFromEnvironment(Map.of(
                "KAFKA_HEAP_OPTS", "-Xmx256m",
                "KAFKA_OPTS", "-Dx=y",
                "CLUSTER_ID", "abc",
                "PATH", "/usr/bin")))
                .isEmpty();
    }
}
