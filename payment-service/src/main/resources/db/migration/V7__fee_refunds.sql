-- A late fee is given back when its reschedule is withdrawn (the coach blocked the day while the fee was charged):
-- a refund of kind FEE, under an id made from the booking and the fee's step (Refunds.feeRefundId).
alter table refunds drop constraint refunds_kind_check;
alter table refunds add constraint refunds_kind_check check (kind in ('BOOKING', 'PACKAGE', 'PAYMENT', 'FEE'));
