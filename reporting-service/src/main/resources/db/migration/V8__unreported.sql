-- The 未报清单 (projects without their monthly figure for a period), rebuilt from pipeline.project.events like every
-- read model. A period 1-N月 is stored as yyyymm (202606; month 2..12, January folds into 1-2月).
--
-- A project owes a figure for every period from the one it was admitted (入库) in (from_period), while admitted or
-- later and not withdrawn, up to the period it went into production (投产) in (until_period; null while open). The
-- projection keeps per owing project its latest figure's period (latest_period; the period before from_period
-- without one) and, as gaps, the owed periods before latest_period without a figure. So a project lacks the figure
-- of period P exactly when latest_period < P <= until_period (or until_period is null) or it has a gap at P: both are
-- index range reads, never a scan of every project's figures.

create table owing_project (
    project_id    uuid        primary key,
    district      varchar(6)  not null,
    code          varchar(30) not null,
    from_period   integer     not null,
    until_period  integer,
    latest_period integer     not null
);
-- One district's list in code order: for a period many have not reported yet, read in order and stop at the page's
-- end; for a period nearly everybody reported, read the few behind as a range and sort them. Both index-only. The
-- range index leaves out the projects that reported up to their production: they are never behind again.
create index owing_project_list on owing_project (district, code, project_id) include (latest_period, until_period);
create index owing_project_behind on owing_project (district, latest_period) include (until_period, code, project_id)
    where until_period is null or latest_period < until_period;

create table owing_gap (
    project_id uuid        not null,
    period     integer     not null,
    district   varchar(6)  not null,
    code       varchar(30) not null,
    primary key (project_id, period)
);
create index owing_gap_list on owing_gap (district, period, code, project_id);

-- Counts per district and period, so that totals never count rows. FROM = owing projects whose first owed period it
-- is, UNTIL = whose last owed period it is; of the projects that can be behind (latest_period before until_period or
-- open): LATEST = whose latest_period it is, CLOSE = whose until_period it is; GAP = gaps at it. For period P:
-- owing = sum of FROM up to P - sum of UNTIL before P; unreported = sum of LATEST before P - sum of CLOSE before P
-- + GAP at P.
create table owing_count (
    district varchar(6)  not null,
    kind     varchar(6)  not null check (kind in ('FROM', 'UNTIL', 'LATEST', 'CLOSE', 'GAP')),
    period   integer     not null,
    projects bigint      not null,
    primary key (district, kind, period)
);
