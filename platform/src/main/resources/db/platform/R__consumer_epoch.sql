-- Repeatable and idempotent, not versioned: every service's database is already past the platform's versions (V0_x)
-- with its own (V1..), and a lower version added now would be refused as out of order on an existing database.
-- Replay generation of each consumer, shared by every instance of the service: a replay bumps it in the transaction
-- that drops the read models; each apply transaction reads it `for share` and gives up when it moved, so no instance
-- writes an event of the old generation into the rebuilt read models. Committed Kafka offsets carry "epoch=N".
create table if not exists consumer_epoch (
    consumer          varchar(100) primary key,
    epoch             bigint       not null default 0,
    replay_started_at timestamptz
);
