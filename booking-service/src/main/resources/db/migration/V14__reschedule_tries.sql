-- Each try of a late reschedule is its own fee step (reschedule-<n>, then reschedule-<n>-<k>): a try after a declined
-- fee used to reuse the declined step's key, payment-service found the declined row and said nothing, and the booking
-- stayed "moving" for good. A move in flight now is its reschedule's first try.
alter table appointments add column move_attempt integer not null default 0 check (move_attempt >= 0);
update appointments set move_attempt = 1 where moving_to is not null;
