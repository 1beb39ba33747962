-- Each step of a pending booking has a deadline counted from when that step began.
alter table appointments add column step_started_at timestamptz;
update appointments set step_started_at = updated_at;
alter table appointments alter column step_started_at set not null;
drop index appointments_awaiting_payment;
create index appointments_pending_steps on appointments (step_started_at) where status = 'PENDING';
create index session_packages_pending on session_packages (created_at) where status = 'PENDING_PAYMENT';
