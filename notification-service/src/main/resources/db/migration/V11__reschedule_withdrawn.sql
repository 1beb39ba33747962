-- A late move withdrawn after its fee was paid (the coach blocked the day meanwhile): the client is told in the app.
alter table in_app_notifications drop constraint in_app_notifications_kind_check;
alter table in_app_notifications add constraint in_app_notifications_kind_check
    check (kind in ('BOOKING_CONFIRMED', 'BOOKING_FAILED', 'PAYMENT_REFUNDED', 'ORPHAN_PAYMENT_REFUNDED',
                    'BOOKING_CANCELLED', 'LATE_FEE_CHARGED', 'BOOKING_RESCHEDULED', 'SESSION_REMINDER',
                    'PACKAGE_PURCHASED', 'PACKAGE_PAYMENT_FAILED', 'RESCHEDULE_WITHDRAWN'));
