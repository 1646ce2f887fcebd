-- Milestone plans (倒排工期) and their warnings (预警), rebuilt from pipeline.project.events like every read model.
--
-- milestone_node holds each project's whole plan as its latest milestones-set event carries it (the event always
-- carries the whole plan, so it replaces the rows). milestone_light holds per project that has a plan and is not
-- withdrawn its worst open node: the open node with the earliest planned date (ties: plan order); node columns are
-- null when every node is done. A node's status and a plan's light depend on the day, so neither is stored: the
-- project is RED iff planned < today, YELLOW iff today <= planned <= today + at-risk days, else GREEN.

create table milestone_node (
    project_id uuid         not null,
    position   smallint     not null,
    code       varchar(40)  not null,
    name       varchar(100) not null,
    planned    date         not null,
    actual     date,
    primary key (project_id, position)
);
-- 拿地即开工: the LAND nodes that have an actual date.
create index milestone_node_land on milestone_node (project_id) include (actual)
    where code = 'LAND' and actual is not null;

create table milestone_light (
    project_id   uuid         primary key,
    district     varchar(6)   not null,
    code         varchar(30)  not null,
    node         varchar(40),
    node_name    varchar(100),
    planned      date
);
-- One district's warning list is a range read (planned <= today + at-risk days) already in list order (planned,
-- then project code): it stops at the page's end. The second index serves a scope of several districts the same way.
create index milestone_light_district on milestone_light (district, planned, code, project_id)
    where planned is not null;
create index milestone_light_planned on milestone_light (planned, code, project_id) include (district)
    where planned is not null;
