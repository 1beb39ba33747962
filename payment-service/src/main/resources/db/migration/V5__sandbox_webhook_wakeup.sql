-- Wake the sandbox's webhook dispatcher when a transaction that queued a webhook commits (NOTIFY is delivered on
-- commit only, once per transaction): it sends at once instead of polling ten times a second.
create function sandbox_webhook_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('sandbox_webhooks', '');
    return null;
end $$;
create trigger sandbox_webhook_notify after insert on sandbox_webhook_deliveries
    for each statement execute function sandbox_webhook_notify();
