-- Read model of every project, rebuilt from pipeline.project.events; the pipeline funnel reads it.
create table project_view (
    project_id        uuid primary key,
    code              varchar(30)    not null,
    name              varchar(200)   not null,
    district          varchar(6)     not null,
    park              varchar(100),
    chain             varchar(100),
    industry          varchar(10)    not null,
    sector            varchar(20)    not null,
    project_type      varchar(2)     not null,
    private_investment boolean       not null,
    total_investment  numeric(18, 4) not null,
    stage             varchar(20)    not null,
    registered_on     date,
    declared_on       date,
    admitted_on       date,
    started_on        date,
    production_on     date,
    withdrawn_on      date,
    last_sequence     bigint         not null,
    updated_at        timestamptz    not null default now()
);
create index project_view_district_stage on project_view (district, stage);
