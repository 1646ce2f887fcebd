-- Read models of the statistics, the pipeline, the approvals and the problems. Everything here is rebuilt from
-- pipeline.project.events and pipeline.approval.events (POST /api/admin/rebuild), except restated_base, which admin
-- writes. Reports read the small aggregate tables (stat_cell x investment_delta, stage_count, stage_change_day,
-- stage_interval, approval_lead, problem_stat), never the per-project rows.

alter table project_view
    add column owner_name         varchar(200),
    add column construction_type  varchar(20),
    add column land_area          numeric(18, 4),
    add column annual_output      numeric(18, 4),
    add column takes_new_land     boolean,
    add column eia_category       varchar(20),
    add column planned_start      date,
    add column planned_production date,
    add column leader             varchar(100),
    add column task_force         text,
    add column cell_id            integer,
    add column returned_on        date;
create index project_view_code on project_view (code);

-- One combination of the dimensions the investment report groups by (空 '' = no park / no chain).
create table stat_cell (
    id                 serial primary key,
    district           varchar(6)   not null,
    park               varchar(100) not null,
    chain              varchar(100) not null,
    sector             varchar(20)  not null,
    industrial         boolean      not null,
    tech_reform        boolean      not null,
    private_investment boolean      not null,
    infrastructure     boolean      not null,
    unique (district, park, chain, sector, industrial, tech_reform, private_investment, infrastructure)
);

-- The latest cumulative figure (1-N月, 万元) a project reported for a period; month 2..12.
create table investment_figure (
    project_id  uuid           not null,
    year        smallint       not null,
    month       smallint       not null,
    amount      numeric(18, 4) not null,
    reported_at timestamptz    not null,
    primary key (project_id, year, month)
);

-- Per cell and month: the change of the summed cumulative figure at that month, where a project without a report
-- for a month carries its latest earlier figure of the year forward. YTD of 1-N月 = sum of months 2..N.
create table investment_delta (
    year    smallint       not null,
    month   smallint       not null,
    cell_id integer        not null references stat_cell (id),
    amount  numeric(20, 4) not null,
    primary key (year, month, cell_id)
);

-- 同口径 restated base set by admin: replaces the summed figure of (district, category) for the period it describes.
create table restated_base (
    district   varchar(6)     not null,
    category   varchar(20)    not null,
    year       smallint       not null,
    month      smallint       not null,
    amount     numeric(18, 4) not null,
    reason     varchar(500)   not null,
    set_by     varchar(100)   not null,
    set_at     timestamptz    not null,
    version    integer        not null,
    primary key (district, category, year, month)
);

-- Projects and total investment per stage now, and the changes per business day (for "as of a past date").
create table stage_count (
    district   varchar(6)     not null,
    stage      varchar(20)    not null,
    projects   bigint         not null,
    investment numeric(20, 4) not null,
    primary key (district, stage)
);
create table stage_change_day (
    day        date           not null,
    district   varchar(6)     not null,
    stage      varchar(20)    not null,
    projects   bigint         not null,
    investment numeric(20, 4) not null,
    primary key (day, district, stage)
);
-- Days between entering one stage and the next (储备→申报→入库→开工→投产), as a histogram.
create table stage_interval (
    district   varchar(6)  not null,
    from_stage varchar(20) not null,
    to_stage   varchar(20) not null,
    days       integer     not null,
    projects   bigint      not null,
    primary key (district, from_stage, to_stage, days)
);

create table approval_case_view (
    case_id    uuid        primary key,
    project_id uuid        not null,
    district   varchar(6)  not null,
    state      varchar(20) not null,
    opened_at  timestamptz not null,
    closed_at  timestamptz
);
create index approval_case_project on approval_case_view (project_id);

create table approval_task_view (
    task_id         uuid          primary key,
    case_id         uuid          not null,
    project_id      uuid          not null,
    district        varchar(6)    not null,
    department      varchar(20)   not null,
    item            varchar(60)   not null,
    items           text,
    time_limit_days integer       not null,
    opened_at       timestamptz   not null,
    due_date        date          not null,
    state           varchar(20)   not null,
    decided_at      timestamptz,
    comment         varchar(2000),
    overdue         boolean       not null default false,
    escalated_to    varchar(100)
);
create index approval_task_open on approval_task_view (district, department, due_date)
    where state in ('PENDING', 'RETURNED');
create index approval_task_project on approval_task_view (project_id);
create index approval_task_case on approval_task_view (case_id);

-- Approval lead time (case opened → task decided) per department, as a histogram of whole hours.
create table approval_lead (
    district   varchar(6)  not null,
    department varchar(20) not null,
    hours      integer     not null,
    tasks      bigint      not null,
    primary key (district, department, hours)
);

-- Dedup of pipeline.approval.events per project (sequence strictly increasing per project at approval-service).
create table approval_stream (
    project_id    uuid   primary key,
    last_sequence bigint not null
);

create table problem_view (
    problem_id  uuid          primary key,
    project_id  uuid          not null,
    district    varchar(6)    not null,
    category    varchar(20)   not null,
    description varchar(2000),
    department  varchar(20),
    deadline    date,
    logged_on   date          not null,
    resolved_on date,
    resolution  varchar(2000)
);
create index problem_open on problem_view (district, deadline) where resolved_on is null;
create index problem_project on problem_view (project_id);

create table problem_stat (
    district         varchar(6)  not null,
    category         varchar(20) not null,
    department       varchar(20) not null,
    logged           bigint      not null,
    resolved         bigint      not null,
    resolved_on_time bigint      not null,
    primary key (district, category, department)
);
