-- A late reschedule holds its new slot while its fee is charged: moving_to is taken like scheduled_at (the slot's
-- advisory lock decides between takers; this index is the backstop), and the old slot stays held until it moves.
alter table appointments
    add column moving_to         timestamptz,
    add column moving_backup     timestamptz,
    add column moving_fee_minor  bigint check (moving_fee_minor > 0),
    add column moving_by         text check (moving_by in ('CLIENT', 'COACH')),
    add column move_failure      text,
    add column previous_start    timestamptz;
create unique index appointments_one_move_per_slot on appointments (moving_to)
    where moving_to is not null and status in ('PENDING', 'CONFIRMED');
create index appointments_moving_between on appointments (moving_to) where moving_to is not null;
