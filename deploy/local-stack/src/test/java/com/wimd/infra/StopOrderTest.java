package com.wimd.infra;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The local run's stop: the services while the infrastructure still answers, then the infrastructure at once. */
class StopOrderTest {

    final List<String> events = new CopyOnWriteArrayList<>();

    AutoCloseable part(String name) {
        return () -> {
            events.add(name + " stopping");
            events.add(name + " stopped");
        };
    }

    @Test
    void a_stage_begins_only_when_every_part_of_the_one_before_it_has_stopped() {
        CountDownLatch kafkaStopping = new CountDownLatch(1);
        AutoCloseable kafka = () -> {
            kafkaStopping.countDown();
            part("kafka").close();
        };
        AutoCloseable slowService = () -> {
            events.add("booking-service stopping");
            // takes its time: a stop that did not wait for it would begin on the broker meanwhile
            if (kafkaStopping.await(300, TimeUnit.MILLISECONDS)) {
                events.add("kafka began under booking-service");
            }
            events.add("booking-service stopped");
        };

        StopOrder.stop(List.of(List.of(slowService, part("ingress")), List.of(kafka, part("postgres"))));

        assertThat(events).doesNotContain("kafka began under booking-service");
        int lastOfFront = Math.max(events.indexOf("booking-service stopped"), events.indexOf("ingress stopped"));
        assertThat(events.indexOf("kafka stopping")).isGreaterThan(lastOfFront);
        assertThat(events.indexOf("postgres stopping")).isGreaterThan(lastOfFront);
        assertThat(events).hasSize(8);
    }

    @Test
    void the_parts_of_a_stage_stop_at_once_so_the_stop_takes_the_slowest_part_not_their_sum() {
        CountDownLatch bothStopping = new CountDownLatch(2);
        AutoCloseable waitsForTheOther = () -> {
            bothStopping.countDown();
            if (!bothStopping.await(5, TimeUnit.SECONDS)) {
                events.add("stopped alone");
            }
        };

        StopOrder.stop(List.of(List.of(waitsForTheOther, waitsForTheOther)));

        assertThat(events).isEmpty();
        assertThat(bothStopping.getCount()).isZero();
    }

    @Test
    void a_part_that_fails_to_stop_does_not_keep_the_others_running() {
        AutoCloseable failing = () -> {
            throw new IllegalStateException("already gone");
        };

        StopOrder.stop(List.of(List.of(failing), List.of(part("postgres"))));

        assertThat(events).containsExactly("postgres stopping", "postgres stopped");
    }
}
