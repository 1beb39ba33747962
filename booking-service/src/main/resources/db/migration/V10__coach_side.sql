-- The coach records how a session went once it has started: completed, or the client did not answer.
alter table appointments drop constraint appointments_status_check;
alter table appointments add constraint appointments_status_check
    check (status in ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'));
alter table appointments add column outcome_recorded_at timestamptz;

-- A promo code may expire; one that has is no longer taken.
alter table promo_codes add column expires_at timestamptz;

-- Each booking's saga as the coach sees it: every event of it, from all four services, read back from the topics.
create table booking_timeline (
    event_id    uuid primary key,
    booking_id  uuid        not null,
    seq         bigint generated always as identity,
    event_type  text        not null,
    service     text        not null,
    occurred_at timestamptz not null,
    summary     text        not null,
    received_at timestamptz not null default now()
);
create index booking_timeline_booking on booking_timeline (booking_id, occurred_at, seq);

-- payment-service's money per month (in the coach's zone), as its admin view counts it: the latest figures it published.
create table payment_totals (
    month   text primary key,
    zone    text        not null,
    totals  text        not null, -- the event's totals, as JSON
    as_of   timestamptz not null
);
