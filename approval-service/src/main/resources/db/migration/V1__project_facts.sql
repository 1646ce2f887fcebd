-- What approval-service knows of each project, built from pipeline.project.events: the facts that decide
-- which departments must approve (a later change opens approval cases from them).
create table project_fact (
    project_id    uuid primary key,
    code          varchar(30)   not null,
    name          varchar(200)  not null,
    district      varchar(6)    not null,
    stage         varchar(20)   not null,
    industry      varchar(10)   not null,
    takes_new_land boolean      not null,
    eia_category  varchar(20),
    construction_type varchar(20) not null,
    total_investment numeric(18, 4) not null,
    leader        varchar(100),
    last_sequence bigint        not null,
    updated_at    timestamptz   not null default now()
);
create index project_fact_district on project_fact (district);
