-- Annual plans (年度计划投资): the amount a project is planned to invest in one calendar year, 万元. One current
-- figure per (project, year); every figure it has had, the first one included, is a revision (who, when, old, new,
-- why), so a correction never loses the figure it replaced.
create table annual_plan (
    id          uuid          primary key,
    project_id  uuid          not null references project (id),
    year        integer       not null check (year between 2000 and 2100),
    amount      numeric(18,4) not null check (amount > 0),
    reason      varchar(500),
    updated_by  varchar(255)  not null,
    updated_at  timestamptz   not null,
    constraint annual_plan_year unique (project_id, year)
);

create sequence annual_plan_revision_seq increment by 50;
create table annual_plan_revision (
    id          bigint        primary key,
    plan_id     uuid          not null references annual_plan (id),
    project_id  uuid          not null references project (id),
    year        integer       not null,
    old_amount  numeric(18,4),
    new_amount  numeric(18,4) not null,
    reason      varchar(500),
    actor       varchar(255)  not null,
    at          timestamptz   not null
);
create index annual_plan_revision_project on annual_plan_revision (project_id, id);
