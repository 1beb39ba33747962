-- A refund moves requested -> pending -> succeeded or failed, following the gateway's answers and webhooks:
-- REQUESTED: decided, not yet accepted by the gateway (retried until it is, with the same idempotency key);
-- PENDING: accepted, not settled (Stripe said "pending"); SUCCEEDED and FAILED are final.
alter table refunds drop constraint refunds_status_check;
update refunds set status = 'REQUESTED' where status = 'PENDING';
alter table refunds add constraint refunds_status_check check (status in ('REQUESTED', 'PENDING', 'SUCCEEDED', 'FAILED'));
-- PAYMENT: an orphan payment (no booking or package took it), refunded under the payment's own id.
alter table refunds drop constraint refunds_kind_check;
alter table refunds add constraint refunds_kind_check check (kind in ('BOOKING', 'PACKAGE', 'PAYMENT'));
alter table refunds add column updated_at timestamptz;
drop index refunds_pending;
create index refunds_open on refunds (created_at) where status in ('REQUESTED', 'PENDING');
create unique index refunds_by_refund_id on refunds (refund_id) where refund_id is not null;

-- An orphan payment is given back once: orphaned_at is set in the transaction that decides it, and a booking that
-- names the intent afterwards is refused.
alter table payments add column orphaned_at timestamptz;
-- Who paid, to tell them when their money is given back without a booking to name them.
alter table payments add column client_email text;
alter table payments add column client_name text;
create index payments_unbound on payments (succeeded_at)
    where status = 'SUCCEEDED' and booking_id is null and package_id is null and orphaned_at is null;
