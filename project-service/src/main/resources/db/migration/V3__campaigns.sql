-- Issue 14, project-service: the 三个一批 campaign (签约一批、开工一批、投产一批) with its entries, the signed facts of a
-- project (签约日期, 签约金额) and the problems' own logging date (登记日期).

-- 签约: optional facts of a project; the amount in 万元 like every amount.
alter table project
    add column signed_on     date,
    add column signed_amount numeric(18,4) check (signed_amount >= 0);

-- 登记日期: the day a problem was logged, which may lie before the day it was typed in (a ledger carried over). The rows
-- logged so far were logged on the day they were typed in: their logged_at read as a Beijing date (pipeline.zone).
alter table project_problem add column logged_on date;
update project_problem set logged_on = (logged_at at time zone 'Asia/Shanghai')::date;
alter table project_problem alter column logged_on set not null;

-- A campaign is created once by an admin and never changes (its events carry its name and due date).
create table campaign (
    id         uuid         primary key,
    name       varchar(100) not null,
    due_date   date         not null,
    created_at timestamptz  not null,
    created_by varchar(255) not null,
    constraint campaign_name_unique unique (name)
);
-- The list, newest first.
create index campaign_created on campaign (created_at desc, id desc);

-- A project stands on at most one list of a campaign. district is the project's (it never changes): a campaign's
-- entries are filtered by the caller's scope without a join.
create table campaign_entry (
    id          uuid         primary key,
    campaign_id uuid         not null references campaign (id),
    project_id  uuid         not null references project (id),
    district    varchar(6)   not null,
    list        varchar(7)   not null check (list in ('SIGN', 'START', 'PRODUCE')),
    set_at      timestamptz  not null,
    set_by      varchar(255) not null,
    constraint campaign_entry_project unique (campaign_id, project_id)
);
create index campaign_entry_scope on campaign_entry (campaign_id, district varchar_pattern_ops);
create index campaign_entry_of_project on campaign_entry (project_id);
