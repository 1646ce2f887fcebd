-- Effects of the replay test's consumer (EpochsTest), in the order applied, so a duplicate or a hole would show.
create table test_epoch_effect (
    id       bigserial primary key,
    event_id uuid         not null,
    subject  varchar(200) not null,
    sequence bigint       not null
);
