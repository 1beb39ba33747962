-- The slot check (is this start held or being moved to?) and availability's "taken between" ask for live statuses as
-- bound parameters. A prepared statement's generic plan cannot prove such parameters imply the partial unique index's
-- predicate (status in ('PENDING', 'CONFIRMED')): its only generic plan reads every appointment, so PostgreSQL plans
-- the statement anew on each booking. A plain index on the start serves them whatever the statuses; the partial one
-- stays the guard against double booking.
create index appointments_scheduled_at on appointments (scheduled_at);
