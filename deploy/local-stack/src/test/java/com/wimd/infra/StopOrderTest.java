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

    AutoCloseable part(String name, long millis) {
        return () -> {
            events.add(name + " stopping");
            Thread.sleep(millis);
            events.add(name + " stopped");
        };
    }

    @Test
    void a_stage_begins_only_when_every_part_of_the_one_before_it_has_stopped() {
        StopOrder.stop(List.of(List.of(part("booking-service", 300), part("ingress", 10)),
                List.of(part("kafka", 10), part("postgres", 10))));

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

        StopOrder.stop(List.of(List.of(failing), List.of(part("postgres", 1))));

        assertThat(events).containsExactly("postgres stopping", "postgres stopped");
    }
}
