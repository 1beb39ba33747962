-- The channel (consumer) that parked a message: its replay goes to that channel alone. booking-service reads several
-- topics with two consumers (the saga's and the timeline's); a replay tagged only with the service was taken by
-- whichever came first, marked replayed, and a saga consumer that failed again could no longer park it: it vanished.
alter table parked_message add column channel text;
