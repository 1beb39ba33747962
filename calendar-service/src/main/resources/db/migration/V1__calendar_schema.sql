-- The calendar step of each booking: which event in which calendar, or why it failed.
create table calendar_events (
    booking_id        uuid primary key,
    provider          text        not null check (provider in ('GOOGLE', 'LOCAL')),
    external_event_id text,
    status            text        not null check (status in ('CREATED', 'FAILED')),
    slot_start        timestamptz not null,
    slot_end          timestamptz not null,
    failure_reason    text,
    created_at        timestamptz not null
);

-- The coach's calendar when no Google key is configured (the local run): what Google would hold.
create table local_calendar_events (
    id          text primary key,
    booking_id  uuid        not null,
    summary     text        not null,
    description text        not null,
    start_at    timestamptz not null,
    end_at      timestamptz not null,
    created_at  timestamptz not null default now()
);
