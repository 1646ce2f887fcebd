-- Milestone plans (倒排工期): the versioned templates and each project's plan of dated nodes.

-- Versions 2 and later of the templates, each immutable; version 1 is the defaults shipped with the service. A plan
-- remembers the version it was generated with.
create table milestone_template_version (
    version     integer       primary key check (version >= 2),
    templates   jsonb         not null,
    comment     varchar(500),
    created_by  varchar(255)  not null,
    created_at  timestamptz   not null
);

-- A project's plan: the target start (目标开工) it counts backwards from. Changes of the plan are changes of the
-- project (version, history row, milestones-set event).
create table milestone_plan (
    project_id        uuid          primary key references project (id),
    target_start      date          not null,
    template_version  integer       not null,
    updated_by        varchar(255),
    updated_at        timestamptz   not null
);

-- Its nodes in plan order. actual is null while a node is open.
create table milestone (
    id          uuid          primary key,
    project_id  uuid          not null references milestone_plan (project_id),
    position    integer       not null,
    code        varchar(40)   not null,
    name        varchar(50)   not null,
    planned     date          not null,
    actual      date,
    source      varchar(10)   not null check (source in ('TEMPLATE', 'MANUAL', 'EVENT')),
    completion  varchar(10)   not null check (completion in ('EVENT', 'MANUAL')),
    constraint milestone_code unique (project_id, code)
);
-- The open nodes by planned date: what a scan of late and at-risk nodes reads.
create index milestone_open on milestone (planned) where actual is null;
