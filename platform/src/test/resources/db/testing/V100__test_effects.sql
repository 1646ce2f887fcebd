-- Effects of the test handler: one row per applied event, so a duplicate application would show.
create table test_effect (
    id         bigserial primary key,
    event_id   uuid         not null,
    subject    varchar(200) not null,
    sequence   bigint       not null,
    event_type varchar(200) not null
);
-- Business rows written by the test resource together with an outbox row.
create table test_business (
    id   uuid primary key,
    name varchar(200) not null
);
