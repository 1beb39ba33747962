-- How many bookings a client has pending (the limit checked on each new request) is read from the client's pending
-- rows alone, not from every booking the client ever made (appointments_user).
create index appointments_pending_of_user on appointments (user_id) where status = 'PENDING';
