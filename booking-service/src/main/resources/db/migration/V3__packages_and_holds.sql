-- A package is bought in two steps: held while payment-service verifies the payment, then ACTIVE.
alter table session_packages add column status text not null default 'PENDING_PAYMENT'
    check (status in ('PENDING_PAYMENT', 'ACTIVE', 'FAILED'));
alter table session_packages add column failure_reason text;
alter table session_packages add column updated_at timestamptz not null default now();

-- The hold reaper looks for paid bookings still waiting for their payment.
create index appointments_awaiting_payment on appointments (created_at)
    where status = 'PENDING' and payment_step = 'PENDING';
