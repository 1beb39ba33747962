-- The money figures last announced for each month (PaymentTotalsChanged): a month's figures are announced again
-- only when they differ from these. The job inserts the month's row (on conflict, nothing) and locks it before it
-- counts, so two replicas never announce one change twice.
create table announced_totals (
    month        text primary key check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    zone         text not null,
    totals       text,
    announced_at timestamptz
);
