-- One PaymentIntent buys at most one live package; a purchase that failed no longer burns its intent (the client
-- may retry with it once payment-service has refunded or the card is retried).
alter table session_packages drop constraint session_packages_payment_intent_id_key;
create unique index session_packages_one_live_package_per_intent on session_packages (payment_intent_id)
    where payment_intent_id is not null and status in ('PENDING_PAYMENT', 'ACTIVE');
