package com.wimd.k8s;

import com.wimd.events.Topics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTopicsTest {

    private final List<HasMetadata> prod = Manifests.overlay("prod");

    @Test
    void every_topic_of_the_contract_and_every_dead_letter_topic_has_a_kafka_topic_and_no_other_does() {
        assertThat(Manifests.all(prod, KafkaTopic.class)).extracting(t -> t.getSpec().getTopicName())
                .containsExactlyInAnyOrderElementsOf(Topics.allWithDeadLetters());
    }

    @Test
    void every_topic_keeps_three_copies_and_takes_a_write_once_two_have_it() {
        for (KafkaTopic topic : Manifests.all(prod, KafkaTopic.class)) {
            assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).as(topic.getSpec().getTopicName())
                    .containsEntry("min.insync.replicas", 2);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "coach");
        }
    }

    @Test
    void every_topic_has_the_configured_partitions_and_no_service_scales_past_them() {
        List<Integer> partitions = Manifests.all(prod, KafkaTopic.class).stream()
                .map(t -> t.getSpec().getPartitions()).distinct().toList();

        assertThat(partitions).as("one setting for all topics (kustomization.yaml)").containsExactly(6);
        for (HorizontalPodAutoscaler autoscaler : Manifests.all(prod, HorizontalPodAutoscaler.class)) {
            assertThat(autoscaler.getSpec().getMaxReplicas()).as(autoscaler.getMetadata().getName())
                    .isLessThanOrEqualTo(partitions.get(0));
        }
    }

    @Test
    void the_kafka_cluster_is_three_kraft_nodes_that_make_no_topic_on_first_use() {
        Kafka kafka = Manifests.named(prod, Kafka.class, "coach");
        KafkaNodePool pool = Manifests.all(prod, KafkaNodePool.class).get(0);

        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "coach");
        assertThat(kafka.getSpec().getKafka().getConfig())
                .containsEntry("auto.create.topics.enable", false)
                .containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
        int port = kafka.getSpec().getKafka().getListeners().get(0).getPort();
        for (String service : Manifests.SERVICES) {
            assertThat(EnvironmentTest.settings("prod", service))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "coach-kafka-bootstrap:" + port);
        }
    }

    @Test
    void dev_kafka_makes_topics_on_first_use_with_enough_partitions_for_its_pods() {
        List<HasMetadata> dev = Manifests.overlay("dev");
        var env = Manifests.named(dev, StatefulSet.class, "kafka").getSpec().getTemplate().getSpec().getContainers()
                .get(0).getEnv();

        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("KAFKA_AUTO_CREATE_TOPICS_ENABLE");
            assertThat(e.getValue()).isEqualTo("true");
        });
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("KAFKA_NUM_PARTITIONS");
            assertThat(Integer.parseInt(e.getValue())).isGreaterThanOrEqualTo(1);
        });
    }
}
