-- Availability is cached in each booking-service instance until something it depends on changes; these triggers say
-- so on the channel "availability" (delivered when the transaction commits, once per transaction).
create function notify_availability_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('availability', '');
    return null;
end $$;

-- a booking takes or lets go of a slot: created, its status or time changed, or a move to another slot held or dropped
create trigger appointments_availability_insert after insert on appointments
    for each row execute function notify_availability_changed();
create trigger appointments_availability_update after update on appointments
    for each row when (old.status is distinct from new.status or old.scheduled_at is distinct from new.scheduled_at
                       or old.moving_to is distinct from new.moving_to)
    execute function notify_availability_changed();

create trigger blocked_dates_availability after insert or update or delete on blocked_dates
    for each statement execute function notify_availability_changed();
create trigger coach_availability_availability after insert or update or delete on coach_availability
    for each statement execute function notify_availability_changed();
create trigger coach_busy_days_availability after insert or update or delete on coach_busy_days
    for each statement execute function notify_availability_changed();
create trigger coach_calendar_status_availability after insert or update or delete on coach_calendar_status
    for each statement execute function notify_availability_changed();
