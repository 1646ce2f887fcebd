-- Platform tables shared by every service (each service applies them to its own database).

-- Transactional outbox: written in the business transaction, published by OutboxRelay in id order.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumer: one row per (consumer, event), inserted in the same transaction as the effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    topic        varchar(200) not null,
    subject      varchar(200),
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Per-subject position of each consumer: detects gaps and reordering of the envelope's `sequence`.
create table consumed_stream (
    consumer      varchar(100) not null,
    topic         varchar(200) not null,
    subject       varchar(200) not null,
    last_sequence bigint       not null,
    applied       bigint       not null,
    gaps          bigint       not null default 0,
    out_of_order  bigint       not null default 0,
    updated_at    timestamptz  not null default now(),
    primary key (consumer, topic, subject)
);
