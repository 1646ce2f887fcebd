-- project-service: projects, their history, monthly investment reports, problems, and the project-code counter.

-- Trigram index for the list's free-text search (q). pg_trgm is a trusted extension: a database owner may create it.
create extension if not exists pg_trgm;

create table project (
    id                 uuid          primary key,
    code               varchar(24)   not null,
    name               varchar(200)  not null,
    owner_name         varchar(200)  not null,
    owner_credit_code  varchar(18)   not null,
    district           varchar(6)    not null,
    park               varchar(100),
    chain              varchar(50),
    industry           varchar(5)    not null,
    sector             varchar(10)   not null,
    construction_type  varchar(12)   not null,
    project_type       varchar(2)    not null,
    total_investment   numeric(18,4) not null check (total_investment > 0),
    land_area          numeric(14,4) check (land_area > 0),
    annual_output      numeric(18,4) check (annual_output >= 0),
    annual_tax         numeric(18,4) check (annual_tax >= 0),
    takes_new_land     boolean       not null,
    eia_category       varchar(12),
    private_investment boolean       not null,
    planned_start      date,
    planned_production date,
    stage              varchar(13)   not null
        check (stage in ('RESERVE', 'DECLARED', 'ADMITTED', 'STARTED', 'IN_PRODUCTION', 'WITHDRAWN')),
    declared_on        date,
    admitted_on        date,
    started_on         date,
    production_on      date,
    withdrawn_on       date,
    approval_case_id   uuid,
    approval_state     varchar(10),
    leader             varchar(100),
    task_force         text[]        not null default '{}',
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null check (version >= 1),
    search_text        text generated always as (lower(name || ' ' || owner_name || ' ' || code)) stored,
    constraint project_code_unique unique (code)
);
-- List filters: district prefix (the caller's scope) with stage, stage alone, chain, and the default order.
create index project_district_stage on project (district varchar_pattern_ops, stage);
create index project_stage on project (stage);
create index project_chain on project (chain);
create index project_created on project (created_at desc, id desc);
create index project_search on project using gin (search_text gin_trgm_ops);

-- Serial counter of project codes per (year, region): one upsert ... returning hands out the next serial.
create table project_code_serial (
    year        integer    not null,
    region      varchar(6) not null,
    last_serial integer    not null check (last_serial between 1 and 99999),
    primary key (year, region)
);

create sequence project_history_seq increment by 50;
create table project_history (
    id             bigint       primary key,
    project_id     uuid         not null references project (id),
    version        bigint       not null,
    at             timestamptz  not null,
    actor          varchar(255) not null,
    action         varchar(40)  not null,
    from_stage     varchar(13),
    to_stage       varchar(13),
    reason         varchar(500),
    changed_fields text[]       not null default '{}',
    detail         text
);
create index project_history_project on project_history (project_id, id);

-- Current figure per (project, period); January has no report of its own (it is part of 1-2月).
create table investment_report (
    id          uuid          primary key,
    project_id  uuid          not null references project (id),
    year        integer       not null check (year between 2000 and 2100),
    month       integer       not null check (month between 2 and 12),
    amount      numeric(18,4) not null check (amount >= 0),
    reason      varchar(500),
    reported_by varchar(255)  not null,
    reported_at timestamptz   not null,
    constraint investment_report_period unique (project_id, year, month)
);

create sequence investment_revision_seq increment by 50;
create table investment_revision (
    id              bigint        primary key,
    report_id       uuid          not null references investment_report (id),
    project_id      uuid          not null references project (id),
    amount          numeric(18,4) not null,
    previous_amount numeric(18,4),
    reason          varchar(500),
    actor           varchar(255)  not null,
    at              timestamptz   not null
);
create index investment_revision_project on investment_revision (project_id, id);

create table project_problem (
    id          uuid          primary key,
    project_id  uuid          not null references project (id),
    district    varchar(6)    not null,
    category    varchar(12)   not null,
    description varchar(2000) not null,
    department  varchar(255)  not null,
    deadline    date          not null,
    state       varchar(10)   not null check (state in ('OPEN', 'RESOLVED')),
    resolution  varchar(2000),
    resolved_on date,
    resolved_by varchar(255),
    logged_by   varchar(255)  not null,
    logged_at   timestamptz   not null
);
create index project_problem_project on project_problem (project_id, logged_at);
create index project_problem_scope on project_problem (district varchar_pattern_ops, state, deadline);
