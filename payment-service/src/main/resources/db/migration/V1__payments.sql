-- One Stripe customer per user (the token's subject), so a card saved at purchase can pay a later fee.
create table customers (
    user_id     text primary key,
    customer_id text        not null unique,
    created_at  timestamptz not null
);

-- One PaymentIntent each. It pays for at most one booking or one package: booking_id and package_id are set
-- once, by a conditional update, when a request that names the intent passes verification.
create table payments (
    id                uuid primary key,
    payment_intent_id text        not null unique,
    user_id           text        not null,
    product           text        not null check (product in ('SINGLE', 'PACKAGE')),
    amount_minor      bigint      not null check (amount_minor >= 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    status            text        not null check (status in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED')),
    customer_id       text,
    payment_method_id text,
    booking_id        uuid unique,
    package_id        uuid unique,
    fee_minor         bigint,
    fee_currency      text,
    net_minor         bigint,
    refunded_minor    bigint      not null default 0 check (refunded_minor >= 0),
    failure_reason    text,
    created_at        timestamptz not null,
    succeeded_at      timestamptz,
    check (booking_id is null or package_id is null)
);
create index payments_created on payments (created_at);

-- Where the payment step of each booking (or package purchase) stands: the saga's state on this side.
-- A row may exist before its request (a BookingFailed that overtook its BookingRequested): status NOT_REQUESTED.
create table payment_requests (
    correlation_id    uuid primary key,
    kind              text        not null check (kind in ('BOOKING', 'PACKAGE')),
    payment_intent_id text,
    status            text        not null check (status in
                          ('NOT_REQUESTED', 'UNVERIFIED', 'WAITING', 'SUCCEEDED', 'FAILED', 'REFUNDING', 'REFUNDED')),
    abandoned         boolean     not null default false,
    request_event     text,
    reason            text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index payment_requests_unverified on payment_requests (updated_at) where status = 'UNVERIFIED';

-- Money given back. One row per booking (or package) at most: the primary key is why money never moves back twice.
-- PENDING until the gateway confirms; the gateway call carries the idempotency key refund:<correlation id>.
create table refunds (
    correlation_id    uuid primary key,
    kind              text        not null check (kind in ('BOOKING', 'PACKAGE')),
    payment_intent_id text        not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          text        not null,
    reason            text        not null,
    status            text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    refund_id         text,
    cause_event_id    uuid,
    attempts          integer     not null default 0,
    last_error        text,
    created_at        timestamptz not null,
    completed_at      timestamptz
);
create index refunds_pending on refunds (created_at) where status = 'PENDING';

-- Each Stripe event handled, in the same transaction as its effect: a redelivered event is acknowledged and ignored.
create table stripe_events (
    event_id    text primary key,
    event_type  text        not null,
    received_at timestamptz not null
);

-- The sandbox gateway (no STRIPE_SECRET_KEY): Stripe's side, emulated in this database for the local run.
create table sandbox_customers (
    id              text primary key,
    user_id         text        not null,
    email           text,
    idempotency_key text        not null unique,
    created_at      timestamptz not null
);

create table sandbox_intents (
    id                 text primary key,
    client_secret      text        not null,
    amount_minor       bigint      not null,
    currency           text        not null,
    customer_id        text,
    metadata           text        not null,
    status             text        not null,
    setup_future_usage text,
    payment_method_id  text,
    latest_charge_id   text,
    last_error         text,
    idempotency_key    text        not null unique,
    created_at         timestamptz not null
);

create table sandbox_refunds (
    id                text primary key,
    payment_intent_id text        not null references sandbox_intents (id),
    amount_minor      bigint      not null,
    idempotency_key   text        not null unique,
    created_at        timestamptz not null
);

-- Webhook events the sandbox owes this service; a dispatcher delivers them, signed, over HTTP, retrying until 2xx.
create table sandbox_webhook_deliveries (
    event_id        text primary key,
    event_type      text        not null,
    payload         text        not null,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        integer     not null default 0,
    last_error      text,
    delivered_at    timestamptz
);
create index sandbox_webhook_undelivered on sandbox_webhook_deliveries (next_attempt_at) where delivered_at is null;
