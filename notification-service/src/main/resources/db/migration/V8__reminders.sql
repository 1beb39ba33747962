-- Reminders (issue 11): one row per booking, planned by the event that last set the session's time
-- (BookingConfirmed, BookingRescheduled) and kept by that event (source_*), so a message sent later renders as the
-- booking then stood. A newer event replaces an older plan (source_at), whatever order the topics are read in; a
-- cancellation is final. The job claims due rows FOR UPDATE SKIP LOCKED and marks them SENT in the transaction that
-- writes the messages: a reminder is written once, across restarts and replicas.
create table reminders (
    booking_id      uuid        primary key,
    user_id         text        not null,
    session_start   timestamptz not null,
    due_at          timestamptz not null,
    status          text        not null check (status in ('SCHEDULED', 'SENT', 'SHORT_NOTICE', 'CANCELLED', 'MISSED',
                                                  'UNREADABLE')),
    source_event_id uuid        not null,
    source_at       timestamptz not null,
    source_payload  text        not null,
    sent_at         timestamptz,
    updated_at      timestamptz not null
);
create index reminders_due on reminders (due_at) where status = 'SCHEDULED';

alter table in_app_notifications drop constraint in_app_notifications_kind_check;
alter table in_app_notifications add constraint in_app_notifications_kind_check
    check (kind in ('BOOKING_CONFIRMED', 'BOOKING_FAILED', 'PAYMENT_REFUNDED', 'ORPHAN_PAYMENT_REFUNDED',
                    'BOOKING_CANCELLED', 'LATE_FEE_CHARGED', 'BOOKING_RESCHEDULED', 'SESSION_REMINDER'));
