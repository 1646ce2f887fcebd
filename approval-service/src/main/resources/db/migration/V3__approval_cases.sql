-- Parallel approval (并联审批): the versioned rule table, cases and their department tasks.

-- Per-project sequence of this service's events (strictly increasing per project and producer), and the lock
-- every writer of a project's approval takes first, so that writers of one project never deadlock.
alter table project_fact add column approval_sequence bigint not null default 0;

-- Each version of the rule table is immutable; the current one is the highest. Cases remember their version.
create table approval_rule_version (
    version     integer primary key,
    rules       jsonb         not null,
    comment     varchar(500),
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null default now()
);

-- Defaults (DOMAIN.md): 发改 立项/备案 always; 自然资源和规划 用地预审与选址 and 用地规划许可 with new land;
-- 生态环境 环评 by EIA category (none for 登记表); 住建 施工许可 when the project builds.
insert into approval_rule_version (version, rules, comment, created_by) values (1, '[
  {"department":"NDRC","item":"PROJECT_FILING","itemName":"项目立项（审批/核准/备案）","timeLimit":3,"dayCount":"WORKING"},
  {"department":"NR","item":"LAND_PRE_APPROVAL","itemName":"用地预审与选址意见书","timeLimit":20,"dayCount":"WORKING",
   "when":{"takesNewLand":true}},
  {"department":"NR","item":"LAND_PLANNING_PERMIT","itemName":"建设用地规划许可证","timeLimit":20,"dayCount":"WORKING",
   "when":{"takesNewLand":true}},
  {"department":"EE","item":"EIA_REPORT","itemName":"环境影响报告书审批","timeLimit":60,"dayCount":"CALENDAR",
   "when":{"eiaCategories":["REPORT"]}},
  {"department":"EE","item":"EIA_REPORT_FORM","itemName":"环境影响报告表审批","timeLimit":30,"dayCount":"CALENDAR",
   "when":{"eiaCategories":["REPORT_FORM"]}},
  {"department":"HC","item":"CONSTRUCTION_PERMIT","itemName":"建筑工程施工许可证","timeLimit":7,"dayCount":"WORKING",
   "when":{"constructionTypes":["NEW","EXPANSION","RENOVATION"]}}
]'::jsonb, '默认规则（DOMAIN.md）', 'system');

create table approval_case (
    id                uuid primary key,
    project_id        uuid          not null,
    -- the declared event's sequence: one case per declaration, however often the event arrives
    declared_sequence bigint        not null,
    project_code      varchar(30)   not null,
    project_name      varchar(200)  not null,
    district          varchar(6)    not null,
    rule_version      integer       not null references approval_rule_version (version),
    state             varchar(12)   not null,
    opened_on         date          not null,
    opened_at         timestamptz   not null,
    closed_at         timestamptz,
    unique (project_id, declared_sequence)
);
create unique index approval_case_one_open on approval_case (project_id) where state = 'OPEN';
create index approval_case_district on approval_case (district, opened_at);

create table approval_task (
    id                uuid primary key,
    case_id           uuid          not null references approval_case (id),
    project_id        uuid          not null,
    district          varchar(6)    not null,
    department        varchar(20)   not null,
    items             varchar(500)  not null,   -- item codes, comma-separated; the first is the task's item
    item_name         varchar(500)  not null,
    time_limit        integer       not null,
    day_count         varchar(10)   not null,
    state             varchar(12)   not null,
    start_date        date          not null,
    due_date          date          not null,
    -- the clock: days used in finished running spells, and the start of the current one (null while stopped)
    used_days         integer       not null default 0,
    running_since     date,
    returns           integer       not null default 0,
    decided_by        varchar(100),
    decided_at        timestamptz,
    comment           varchar(1000),
    overdue_at        timestamptz,
    escalated_to      varchar(100),
    closed_on         date,
    version           bigint        not null default 0
);
create index approval_task_case on approval_task (case_id);
create index approval_task_inbox on approval_task (department, state, due_date);
create index approval_task_due on approval_task (state, due_date) where state = 'PENDING';

-- What happened to a task, who did it and when (opened, decisions, returns, resubmissions, overdue, cancelled).
create table approval_task_action (
    id          bigint generated always as identity primary key,
    task_id     uuid          not null references approval_task (id),
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    action      varchar(20)   not null,
    comment     varchar(1000),
    due_date    date
);
create index approval_task_action_task on approval_task_action (task_id, id);
