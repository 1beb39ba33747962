package com.wimd.support.kafka;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * Kafka's static group membership, when {@code messaging.instance-id} names this instance: each consumer gets the
 * {@code group.instance.id} "instance.channel". A consumer so named leaves no group when it closes, so a service
 * stops in a second instead of waiting on a rebalance for each of its channels in turn, and once it is back (a
 * restart, a crash the supervisor starts again) it takes its partitions up at once. Off unless set: two instances of
 * one service must never share a name. The local run sets it; Kubernetes does not (a Deployment's pod is named anew
 * at every start, and a static member that does not come back holds its partitions until its session ends).
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(StaticMembership.class);

    private final Optional<String> instanceId;

    public StaticMembership(@ConfigProperty(name = "messaging.instance-id") Optional<String> instanceId) {
        this.instanceId = instanceId.filter(id -> !id.isBlank());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (instanceId.isPresent() && config.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            config.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberName(instanceId.get(), channel));
            LOG.infof("channel %s reads as static member %s of group %s", channel,
                    config.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.get(ConsumerConfig.GROUP_ID_CONFIG));
        }
        return config;
    }

    /** The one name of a channel's consumer in this instance: unique within the service's group. */
    static String memberName(String instanceId, String channel) {
        return instanceId + "." + channel;
    }
}
