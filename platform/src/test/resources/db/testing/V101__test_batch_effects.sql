-- Effects of the batch test handler, in the order applied (id), so order and duplicates would show.
create table test_batch_effect (
    id       bigserial primary key,
    event_id uuid         not null,
    subject  varchar(200) not null,
    sequence bigint       not null
);
