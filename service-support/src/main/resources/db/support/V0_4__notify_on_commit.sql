-- One trigger function for "tell the listeners on channel X when this transaction commits" (NOTIFY is delivered on
-- commit only, and a transaction's identical notifications are folded into one). The channel is the trigger's
-- argument: create trigger ... for each statement execute function notify_on_commit('channel').
-- (The outbox's and availability's triggers, older, have functions of their own.)
create function notify_on_commit() returns trigger language plpgsql as $$
begin
    perform pg_notify(tg_argv[0], '');
    return null;
end $$;
