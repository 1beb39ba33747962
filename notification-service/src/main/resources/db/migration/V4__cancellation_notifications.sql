-- Clients hear of a cancellation (with its refund or fee), a reschedule, and a late fee charged to their card.
alter table in_app_notifications drop constraint in_app_notifications_kind_check;
alter table in_app_notifications add constraint in_app_notifications_kind_check
    check (kind in ('BOOKING_CONFIRMED', 'BOOKING_FAILED', 'PAYMENT_REFUNDED', 'ORPHAN_PAYMENT_REFUNDED',
                    'BOOKING_CANCELLED', 'LATE_FEE_CHARGED', 'BOOKING_RESCHEDULED'));
