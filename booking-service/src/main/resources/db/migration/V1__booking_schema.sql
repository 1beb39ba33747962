-- The coach's weekly hours, in the coach's zone (a rule "09:00 local" stays 09:00 across DST changes).
create table coach_availability (
    id          bigint generated always as identity primary key,
    day_of_week smallint not null check (day_of_week between 1 and 7), -- ISO: 1 = Monday
    start_time  time     not null,
    end_time    time     not null,
    zone        text     not null,
    check (start_time < end_time)
);
insert into coach_availability (day_of_week, start_time, end_time, zone)
select d, time '09:00', time '17:00', 'America/Toronto' from generate_series(1, 5) as d;

-- Whole days the coach does not take calls (dates in the coach's zone).
create table blocked_dates (
    blocked_date date primary key,
    reason       text,
    created_at   timestamptz not null default now()
);

create table promo_codes (
    code           text primary key,
    max_uses       integer     not null check (max_uses >= 0),
    uses_remaining integer     not null check (uses_remaining >= 0 and uses_remaining <= max_uses),
    active         boolean     not null default true,
    created_at     timestamptz not null default now()
);
insert into promo_codes (code, max_uses, uses_remaining, active) values ('WIMD25', 25, 25, true);

create table session_packages (
    id                 uuid primary key,
    user_id            text        not null,
    sessions_total     integer     not null check (sessions_total > 0),
    sessions_remaining integer     not null check (sessions_remaining >= 0 and sessions_remaining <= sessions_total),
    price_minor        bigint      not null check (price_minor >= 0),
    currency           text        not null check (currency ~ '^[A-Z]{3}$'),
    payment_intent_id  text unique,
    created_at         timestamptz not null default now()
);
create index session_packages_user on session_packages (user_id);

-- One row per booking: the appointment and the state of its saga.
create table appointments (
    id                uuid primary key,
    user_id           text        not null,
    client_name       text,
    client_email      text,
    user_phone        text        not null,
    scheduled_at      timestamptz not null,
    backup_at         timestamptz,
    duration_minutes  integer     not null check (duration_minutes > 0),
    booking_type      text        not null check (booking_type in ('FREE', 'PAID_SINGLE', 'PACKAGE')),
    promo_code        text references promo_codes (code),
    package_id        uuid references session_packages (id),
    price_minor       bigint      not null check (price_minor >= 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    status            text        not null check (status in ('PENDING', 'CONFIRMED', 'FAILED')),
    saga_status       text        not null,
    payment_step      text        not null,
    calendar_step     text        not null,
    confirmation_step text        not null,
    calendar_event_id text,
    failure_reason    text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null default 0
);
-- Nobody double-booked: at most one live (held or confirmed) appointment per slot start.
create unique index appointments_one_live_per_slot on appointments (scheduled_at)
    where status in ('PENDING', 'CONFIRMED');
create index appointments_user on appointments (user_id, scheduled_at);
