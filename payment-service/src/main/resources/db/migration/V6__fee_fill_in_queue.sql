-- Housekeeping asks the gateway for the fees it does not know yet, the least recently asked first: a payment whose
-- fee cannot be had used to stay first in line (ordered by succeeded_at) and, when recording it failed, stopped the
-- round before the payments behind it.
alter table payments add column fee_checked_at timestamptz;
create index payments_fee_missing on payments (fee_checked_at nulls first, succeeded_at)
    where status = 'SUCCEEDED' and fee_minor is null;
