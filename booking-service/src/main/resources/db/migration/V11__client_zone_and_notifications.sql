-- Issue 11: how the client hears about a booking. The zone is the client's (an IANA id, as the booking page sent
-- it; null when it did not: messages then use the coach's zone). The channels are the client's choice for this
-- booking; bookings made before it was asked get the defaults (email and in-app, no SMS).
alter table appointments add column client_zone text;
alter table appointments add column notify_email boolean not null default true;
alter table appointments add column notify_inapp boolean not null default true;
alter table appointments add column notify_sms boolean not null default false;
