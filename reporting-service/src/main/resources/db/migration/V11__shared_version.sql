-- Versions shared by every instance of the service: a transaction that changes what a cache holds bumps its row, and
-- each instance compares the row with its cached entries before serving them (ReportCache).
create table shared_version (
    name    varchar(100) primary key,
    version bigint       not null default 0
);
insert into shared_version (name) values ('reports');
