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

-- The scan's candidate query reads the open nodes due by today + the at-risk days. V5's milestone_open (planned)
-- made it visit the node rows too; this one carries the project and the node's code, so the query reads the index
-- alone (an index-only scan), never the table of every node (see the benchmark, MilestoneScanBenchmark).
drop index milestone_open;
create index milestone_open_scan on milestone (planned) include (project_id, code) where actual is null;
