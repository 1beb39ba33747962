-- Messages a consumer could not handle, recorded from the service's dead-letter topic (<service>.dead-letters):
-- listed for the coach and ops, replayed on request. A replay that fails again puts its row back to parked.
create table parked_message (
    id                   uuid        primary key,
    topic                text        not null,
    source_partition     int,
    source_offset        bigint,
    message_key          text,
    payload              text,
    headers              text        not null,
    error                text        not null,
    attempts             int         not null,
    parked_at            timestamptz not null,
    dlq_partition        int         not null,
    dlq_offset           bigint      not null,
    replay_requested_at  timestamptz,
    replayed_at          timestamptz,
    unique (dlq_partition, dlq_offset)
);
create index parked_message_open on parked_message (parked_at) where replayed_at is null;
