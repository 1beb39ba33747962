-- What was last published of the coach's busy times, per day of the coach's zone: a day is announced again only
-- when its list changes.
create table busy_days (
    day          date primary key,
    busy         text        not null,
    published_at timestamptz not null
);

-- One row: how reading the coach's calendar goes (the last success, an outage under way, whether the coach was alerted).
create table calendar_sync (
    id             integer primary key check (id = 1),
    last_synced_at timestamptz,
    last_checked_at timestamptz,
    outage_since   timestamptz,
    alerted_for    timestamptz,
    last_error     text
);
insert into calendar_sync (id) values (1);
