-- Issue 14: the 三个一批 campaign's read model, the project facts its SIGN list is judged by, and the true dates of
-- approval acceptance (受理). Rebuilt from the topics like every read model (POST /api/admin/rebuild).

-- 签约日期 and 签约金额 (万元) from the project snapshot; null when unknown.
alter table project_view
    add column signed_on     date,
    add column signed_amount numeric(18, 4);

-- 受理日期 of a case and its tasks: CaseOpened.acceptedOn, else the day of the event. Null in rows written before this
-- migration; readers take the day of opened_at for those until a rebuild fills them.
alter table approval_case_view add column accepted_on date;
alter table approval_task_view add column accepted_on date;

-- A 三个一批 campaign as its entries announce it (its name and due date travel with every entry); known from its first
-- entry on, kept when every project has been taken out again.
create table campaign (
    campaign_id uuid         primary key,
    name        varchar(200) not null,
    due_date    date         not null
);

-- The list a project stands on in a campaign (SIGN 签约一批, START 开工一批, PRODUCE 投产一批), at most one per
-- campaign; its district, stage and dates are read from project_view.
create table campaign_entry (
    campaign_id uuid        not null,
    project_id  uuid        not null,
    list        varchar(10) not null,
    set_at      timestamptz not null,
    primary key (campaign_id, project_id)
);
create index campaign_entry_project on campaign_entry (project_id);
