-- A booking may be cancelled, by its client or by the coach; the slot is released by the status (the unique index
-- covers live bookings only). What the cancellation cost is stored with it, so a repeated cancel answers the same.
alter table appointments drop constraint appointments_status_check;
alter table appointments add constraint appointments_status_check
    check (status in ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED', 'CANCELLED'));
alter table appointments
    add column cancelled_at        timestamptz,
    add column cancelled_by        text check (cancelled_by in ('CLIENT', 'COACH')),
    add column cancel_reason       text,
    add column cancel_late         boolean,
    add column cancel_fee_minor    bigint check (cancel_fee_minor >= 0),
    add column cancel_refund_minor bigint check (cancel_refund_minor >= 0),
    add column cancel_currency     text check (cancel_currency ~ '^[A-Z]{3}$'),
    -- a late package cancellation's fee, charged to the saved card: CHARGING, then CHARGED or FAILED
    add column fee_status          text check (fee_status in ('CHARGING', 'CHARGED', 'FAILED')),
    -- what payment-service reports given back (PaymentRefunded), in minor units of the price's currency
    add column refunded_minor      bigint not null default 0 check (refunded_minor >= 0),
    add column reschedule_count    integer not null default 0 check (reschedule_count >= 0);
