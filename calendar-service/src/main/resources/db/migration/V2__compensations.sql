-- A booking that fails after its event was created has the event DELETED (compensation); one that fails
-- before is CANCELLED, so a late request or payment for it creates nothing.
alter table calendar_events drop constraint calendar_events_status_check;
alter table calendar_events add constraint calendar_events_status_check
    check (status in ('CREATED', 'FAILED', 'CANCELLED', 'DELETED'));
alter table calendar_events alter column slot_end drop not null;
alter table calendar_events add column updated_at timestamptz;
