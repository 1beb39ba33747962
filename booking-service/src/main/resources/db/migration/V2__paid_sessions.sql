-- A paid single session names the Stripe PaymentIntent that pays for it. payment-service is the authority on
-- "one intent pays for one booking"; this index keeps two live bookings from naming the same intent.
alter table appointments add column payment_intent_id text;
create unique index appointments_one_live_booking_per_intent on appointments (payment_intent_id)
    where payment_intent_id is not null and status in ('PENDING', 'CONFIRMED');

-- A paid booking that fails after the money moved ends REFUNDED once payment-service gave it back.
alter table appointments drop constraint appointments_status_check;
alter table appointments add constraint appointments_status_check
    check (status in ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED'));
