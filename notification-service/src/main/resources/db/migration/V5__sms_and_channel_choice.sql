-- SMS (issue 11): a message on a channel that is switched off (TWILIO_SMS_ENABLED=false) is recorded DISABLED, a
-- final status like SENT and FAILED: nothing will happen to it. A message sent through a provider keeps the
-- provider's id for it (Twilio's message SID). The one-row-per-(event, channel) uniqueness of V1 stays what makes a
-- retry unable to send a second copy.
alter table notification_log drop constraint notification_log_status_check;
alter table notification_log add constraint notification_log_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'DISABLED'));
alter table notification_log add column provider_id text;

-- The latest contact details and chosen channels of each booking (NotificationPreferencesChanged), for the messages
-- this service sends on its own later (reminders): the newest change wins, whatever order they are read in.
create table booking_contacts (
    booking_id     uuid primary key,
    user_id        text        not null,
    name           text,
    email          text,
    phone          text,
    zone           text,
    email_chosen   boolean     not null,
    inapp_chosen   boolean     not null,
    sms_chosen     boolean     not null,
    changed_at     timestamptz not null,
    event_id       uuid        not null
);
