-- More outcomes (issue 11): the client hears of a package bought or its payment failed; the coach of each new
-- booking and each cancellation. A coach's message answers the same event as the client's, on the same channel
-- (email), so one message is now one (event, channel, template): still never two copies of the same message.
alter table notification_log drop constraint notification_log_event_id_channel_key;
alter table notification_log add constraint notification_log_one_message unique (event_id, channel, template);

alter table in_app_notifications drop constraint in_app_notifications_kind_check;
alter table in_app_notifications add constraint in_app_notifications_kind_check
    check (kind in ('BOOKING_CONFIRMED', 'BOOKING_FAILED', 'PAYMENT_REFUNDED', 'ORPHAN_PAYMENT_REFUNDED',
                    'BOOKING_CANCELLED', 'LATE_FEE_CHARGED', 'BOOKING_RESCHEDULED', 'SESSION_REMINDER',
                    'PACKAGE_PURCHASED', 'PACKAGE_PAYMENT_FAILED'));
