-- Wake the sandbox's webhook dispatcher when a transaction that queued a webhook commits: it sends at once instead
-- of polling ten times a second (notify_on_commit: service-support's V0_4).
create trigger sandbox_webhook_notify after insert on sandbox_webhook_deliveries
    for each statement execute function notify_on_commit('sandbox_webhooks');
