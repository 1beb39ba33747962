-- A payment nothing took, given back: the client hears of it in the app too.
alter table in_app_notifications drop constraint in_app_notifications_kind_check;
alter table in_app_notifications add constraint in_app_notifications_kind_check
    check (kind in ('BOOKING_CONFIRMED', 'BOOKING_FAILED', 'PAYMENT_REFUNDED', 'ORPHAN_PAYMENT_REFUNDED'));
