-- The coach's busy times from their calendar, as calendar-service publishes them per day of the coach's zone
-- (CoachBusyTimesChanged): the day's whole list, as of when the calendar was read.
create table coach_busy_days (
    day    date primary key,
    busy   text        not null,
    as_of  timestamptz not null
);

-- How fresh those are (CoachCalendarSynced): the last successful read, and the last attempt.
create table coach_calendar_status (
    id             integer primary key check (id = 1),
    last_synced_at timestamptz,
    checked_at     timestamptz,
    reachable      boolean,
    error          text
);
insert into coach_calendar_status (id) values (1);
