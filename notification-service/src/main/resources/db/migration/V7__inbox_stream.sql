-- The in-app inbox's live stream (GET /notifications/stream): each new notification is announced on channel
-- in_app_notifications when its transaction commits, to every replica listening. The user is sent as a hash (a
-- subject of any length stays within NOTIFY's payload limit); the body is cut to 2000 characters for the same reason.
create function in_app_notification_created() returns trigger language plpgsql as $$
begin
    perform pg_notify('in_app_notifications', json_build_object(
            'user', md5(new.user_id),
            'id', new.id,
            'booking_id', new.booking_id,
            'kind', new.kind,
            'title', left(new.title, 300),
            'body', left(new.body, 2000),
            'created_at', new.created_at)::text);
    return new;
end
$$;

create trigger in_app_notification_created after insert on in_app_notifications
    for each row execute function in_app_notification_created();

create index in_app_notifications_unread on in_app_notifications (user_id) where read_at is null;
