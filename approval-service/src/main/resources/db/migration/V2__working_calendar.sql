-- Working-day calendar (工作日历): per year, the days off that would otherwise be working days (HOLIDAY) and the
-- make-up workdays that would otherwise be weekend days (WORKDAY, 调休上班). A year without a row counts Monday to
-- Friday. Statutory time limits of approvals are counted on it.
create table calendar_year (
    year        integer      primary key check (year between 2000 and 2100),
    version     bigint       not null check (version > 0),
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(100) not null
);

create table calendar_day (
    day   date        primary key,
    year  integer     not null references calendar_year (year) on delete cascade,
    kind  varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(50) not null check (length(btrim(name)) > 0),
    constraint calendar_day_in_year check (extract(year from day) = year)
);
create index calendar_day_year on calendar_day (year);

-- The State Council's holiday schedules (国务院办公厅 部分节假日安排) for 2024, 2025 and 2026, as date ranges.
insert into calendar_year (year, version, updated_by)
values (2024, 1, 'system'), (2025, 1, 'system'), (2026, 1, 'system');

insert into calendar_day (day, year, kind, name)
select d::date, s.year, s.kind, s.name
from (values
    (2024, 'HOLIDAY', '元旦',       date '2024-01-01', date '2024-01-01'),
    (2024, 'HOLIDAY', '春节',       date '2024-02-10', date '2024-02-17'),
    (2024, 'WORKDAY', '春节调休',   date '2024-02-04', date '2024-02-04'),
    (2024, 'WORKDAY', '春节调休',   date '2024-02-18', date '2024-02-18'),
    (2024, 'HOLIDAY', '清明节',     date '2024-04-04', date '2024-04-06'),
    (2024, 'WORKDAY', '清明节调休', date '2024-04-07', date '2024-04-07'),
    (2024, 'HOLIDAY', '劳动节',     date '2024-05-01', date '2024-05-05'),
    (2024, 'WORKDAY', '劳动节调休', date '2024-04-28', date '2024-04-28'),
    (2024, 'WORKDAY', '劳动节调休', date '2024-05-11', date '2024-05-11'),
    (2024, 'HOLIDAY', '端午节',     date '2024-06-10', date '2024-06-10'),
    (2024, 'HOLIDAY', '中秋节',     date '2024-09-15', date '2024-09-17'),
    (2024, 'WORKDAY', '中秋节调休', date '2024-09-14', date '2024-09-14'),
    (2024, 'HOLIDAY', '国庆节',     date '2024-10-01', date '2024-10-07'),
    (2024, 'WORKDAY', '国庆节调休', date '2024-09-29', date '2024-09-29'),
    (2024, 'WORKDAY', '国庆节调休', date '2024-10-12', date '2024-10-12'),

    (2025, 'HOLIDAY', '元旦',       date '2025-01-01', date '2025-01-01'),
    (2025, 'HOLIDAY', '春节',       date '2025-01-28', date '2025-02-04'),
    (2025, 'WORKDAY', '春节调休',   date '2025-01-26', date '2025-01-26'),
    (2025, 'WORKDAY', '春节调休',   date '2025-02-08', date '2025-02-08'),
    (2025, 'HOLIDAY', '清明节',     date '2025-04-04', date '2025-04-06'),
    (2025, 'HOLIDAY', '劳动节',     date '2025-05-01', date '2025-05-05'),
    (2025, 'WORKDAY', '劳动节调休', date '2025-04-27', date '2025-04-27'),
    (2025, 'HOLIDAY', '端午节',     date '2025-05-31', date '2025-06-02'),
    (2025, 'HOLIDAY', '国庆节、中秋节', date '2025-10-01', date '2025-10-08'),
    (2025, 'WORKDAY', '国庆节调休', date '2025-09-28', date '2025-09-28'),
    (2025, 'WORKDAY', '国庆节调休', date '2025-10-11', date '2025-10-11'),

    (2026, 'HOLIDAY', '元旦',       date '2026-01-01', date '2026-01-03'),
    (2026, 'WORKDAY', '元旦调休',   date '2026-01-04', date '2026-01-04'),
    (2026, 'HOLIDAY', '春节',       date '2026-02-15', date '2026-02-23'),
    (2026, 'WORKDAY', '春节调休',   date '2026-02-14', date '2026-02-14'),
    (2026, 'WORKDAY', '春节调休',   date '2026-02-28', date '2026-02-28'),
    (2026, 'HOLIDAY', '清明节',     date '2026-04-04', date '2026-04-06'),
    (2026, 'HOLIDAY', '劳动节',     date '2026-05-01', date '2026-05-05'),
    (2026, 'WORKDAY', '劳动节调休', date '2026-05-09', date '2026-05-09'),
    (2026, 'HOLIDAY', '端午节',     date '2026-06-19', date '2026-06-21'),
    (2026, 'HOLIDAY', '中秋节',     date '2026-09-25', date '2026-09-27'),
    (2026, 'HOLIDAY', '国庆节',     date '2026-10-01', date '2026-10-07'),
    (2026, 'WORKDAY', '国庆节调休', date '2026-09-20', date '2026-09-20'),
    (2026, 'WORKDAY', '国庆节调休', date '2026-10-10', date '2026-10-10')
) as s (year, kind, name, first_day, last_day)
cross join lateral generate_series(s.first_day, s.last_day, interval '1 day') as d;
