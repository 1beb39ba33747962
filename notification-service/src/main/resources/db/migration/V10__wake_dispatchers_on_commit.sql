-- Wake a channel's dispatcher when a transaction that wrote a message for it to send commits: an email or a text
-- goes out at once instead of at the dispatcher's next look (notify_on_commit: service-support's V0_4; the channel
-- names are ChannelDispatch's). Retries fall due later: the dispatcher that scheduled one wakes for it itself.
create trigger email_to_send_notify after insert on notification_log
    for each row when (new.status = 'PENDING' and new.channel = 'EMAIL')
    execute function notify_on_commit('deliveries_email');
create trigger sms_to_send_notify after insert on notification_log
    for each row when (new.status = 'PENDING' and new.channel = 'SMS')
    execute function notify_on_commit('deliveries_sms');
