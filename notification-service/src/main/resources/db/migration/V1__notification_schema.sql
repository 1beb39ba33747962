-- What the client sees in the app: one row per thing we told them.
create table in_app_notifications (
    id          uuid primary key,
    user_id     text        not null,
    booking_id  uuid        not null,
    kind        text        not null check (kind in ('BOOKING_CONFIRMED', 'BOOKING_FAILED')),
    title       text        not null,
    body        text        not null,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index in_app_notifications_user on in_app_notifications (user_id, created_at desc);

-- Every message we send or mean to send, on any channel: the EMAIL rows are the email outbox.
-- A consumer writes a PENDING row in the same transaction as its inbox record; the dispatcher sends it
-- later and stamps the outcome, so an event is never lost between the database and the SMTP server.
create table notification_log (
    id               uuid primary key,
    booking_id       uuid        not null,
    event_id         uuid        not null,
    channel          text        not null check (channel in ('EMAIL', 'IN_APP', 'SMS')),
    recipient        text,
    template         text        not null,
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer     not null default 0 check (attempts >= 0),
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    -- the event that asked for the message, as it came (rendered when sent, so a retry uses the same data)
    event_payload    text,
    -- when the dispatcher may (re)try it: the retry back-off, or the lease of a dispatcher that claimed it
    next_attempt_at  timestamptz,
    unique (event_id, channel)
);
create index notification_log_booking on notification_log (booking_id);
create index notification_log_due on notification_log (next_attempt_at) where status = 'PENDING';
