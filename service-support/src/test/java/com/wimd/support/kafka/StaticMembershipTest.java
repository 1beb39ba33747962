package com.wimd.support.kafka;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StaticMembershipTest {

    static Map<String, Object> consumer() {
        return new HashMap<>(Map.of("group.id", "booking-service", "bootstrap.servers", "127.0.0.1:9092"));
    }

    @Test
    void each_channel_of_a_named_instance_is_its_own_static_member_of_the_group() {
        StaticMembership membership = new StaticMembership(Optional.of("local"));

        Map<String, Object> requested = membership.customize("booking-requested", null, consumer());
        Map<String, Object> failed = membership.customize("booking-failed", null, consumer());

        assertThat(requested).containsEntry("group.instance.id", "local.booking-requested");
        assertThat(failed).containsEntry("group.instance.id", "local.booking-failed");
    }

    @Test
    void an_instance_without_a_name_joins_its_groups_as_a_dynamic_member() {
        assertThat(new StaticMembership(Optional.empty()).customize("booking-requested", null, consumer()))
                .doesNotContainKey("group.instance.id");
        assertThat(new StaticMembership(Optional.of(" ")).customize("booking-requested", null, consumer()))
                .doesNotContainKey("group.instance.id");
    }

    @Test
    void a_producer_has_no_group_and_is_left_as_it_is() {
        Map<String, Object> producer = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:9092"));

        assertThat(new StaticMembership(Optional.of("local")).customize("dead-letters", null, producer))
                .doesNotContainKey("group.instance.id");
    }

    @Test
    void a_member_name_set_for_one_channel_is_kept() {
        Map<String, Object> config = consumer();
        config.put("group.instance.id", "chosen");

        assertThat(new StaticMembership(Optional.of("local")).customize("booking-requested", null, config))
                .containsEntry("group.instance.id", "chosen");
    }
}
