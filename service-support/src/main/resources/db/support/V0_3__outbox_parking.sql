-- An outbox row the broker refuses for good (too large, an invalid topic) is parked instead of blocking the rest.
alter table outbox add column parked_at timestamptz;
alter table outbox add column error text;
drop index outbox_unpublished;
create index outbox_unpublished on outbox (occurred_at, event_id) where published_at is null and parked_at is null;
-- pruning by age
create index outbox_published on outbox (published_at) where published_at is not null;
create index inbox_handled on inbox (handled_at);

-- Wake the relay when a transaction that wrote events commits (NOTIFY is delivered on commit only, once per
-- transaction): the relay publishes at once instead of waiting for its fallback poll.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end $$;
create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();
