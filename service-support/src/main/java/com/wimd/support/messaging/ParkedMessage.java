package com.wimd.support.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message this service parked on its dead-letter topic: what it was, why it failed, and its replay. */
@Entity
@Table(name = "parked_message")
public class ParkedMessage extends PanacheEntityBase {

    public enum Status { PARKED, REPLAYING, REPLAYED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "source_partition")
    public Integer sourcePartition;

    @Column(name = "source_offset")
    public Long sourceOffset;

    @Column(name = "message_key")
    public String messageKey;

    public String payload;

    /** The original record's headers as a JSON object of UTF-8 strings. */
    @Column(nullable = false)
    public String headers;

    @Column(nullable = false)
    public String error;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    @Column(name = "dlq_partition", nullable = false)
    public int dlqPartition;

    @Column(name = "dlq_offset", nullable = false)
    public long dlqOffset;

    @Column(name = "replay_requested_at")
    public Instant replayRequestedAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    /** The channel (consumer) that parked it, to which alone a replay goes; null for messages parked before that was kept. */
    public String channel;

    public Status status() {
        if (replayedAt != null) {
            return Status.REPLAYED;
        }
        return replayRequestedAt != null ? Status.REPLAYING : Status.PARKED;
    }
}
