-- Replay generation of each consumer, shared by every instance of the service: a replay bumps it in the transaction
-- that drops the read models; each apply transaction reads it `for share` and gives up when it moved, so no instance
-- writes an event of the old generation into the rebuilt read models. Committed Kafka offsets carry "epoch=N".
create table consumer_epoch (
    consumer         varchar(100) primary key,
    epoch            bigint       not null default 0,
    replay_started_at timestamptz
);
