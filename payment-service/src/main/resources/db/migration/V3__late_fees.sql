-- A late change's fee, charged off-session to the card saved at purchase: one row per booking and step ("cancel",
-- "reschedule-<n>"), so it is charged at most once; the gateway call carries the key fee:<booking>:<step>.
-- REQUESTED (decided, not yet answered by the gateway; retried with the same key), then CHARGED or DECLINED.
create table fee_charges (
    booking_id        uuid        not null,
    step              text        not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    user_id           text        not null,
    customer_id       text,
    payment_method_id text,
    status            text        not null check (status in ('REQUESTED', 'CHARGED', 'DECLINED')),
    charge_intent_id  text,
    failure_reason    text,
    client_name       text,
    client_email      text,
    client_phone      text,
    slot_start        timestamptz not null,
    cause_event_id    uuid,
    attempts          integer     not null default 0,
    last_error        text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (booking_id, step)
);
create index fee_charges_requested on fee_charges (updated_at) where status = 'REQUESTED';
