-- Shared by every service (service-support). Events to publish are written here in the same transaction
-- as the state change that caused them; a relay publishes them to Kafka and stamps published_at.
create table outbox (
    event_id       uuid primary key,
    event_type     text        not null,
    topic          text        not null,
    message_key    text        not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    published_at   timestamptz
);
create index outbox_unpublished on outbox (occurred_at) where published_at is null;

-- Each event a consumer has handled, recorded in the same transaction as its effect; a redelivery is skipped.
create table inbox (
    event_id    uuid        not null,
    consumer    text        not null,
    event_type  text        not null,
    handled_at  timestamptz not null default now(),
    primary key (event_id, consumer)
);
