-- 红黄灯 warnings the milestone scan has sent: one row per project, node, planned date and state. The key is what
-- keeps the scan from emitting milestone-at-risk / milestone-late twice, also across restarts and with several
-- instances running; a replanned node (a new planned date) may warn again. Keyed by project, not by the node's row:
-- a node the template drops is deleted, its warnings stay history.
create table milestone_notice (
    project_id    uuid          not null references project (id),
    code          varchar(40)   not null,
    planned       date          not null,
    state         varchar(8)    not null check (state in ('AT_RISK', 'LATE')),
    escalated_to  varchar(100),
    emitted_at    timestamptz   not null,
    primary key (project_id, code, planned, state)
);
