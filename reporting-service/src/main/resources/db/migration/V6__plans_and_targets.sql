-- Annual plans (年度计划投资) and district targets (目标任务) for completion against 时序进度 (issue 14).

-- The latest PlanSet of each project and year (a later one replaces the earlier); rebuilt from the project topic.
create table project_plan (
    project_id uuid           not null,
    year       smallint       not null,
    amount     numeric(18, 4) not null,
    reason     text,
    set_by     text,
    set_at     timestamptz    not null,
    primary key (project_id, year)
);

-- Per year, district, dimension and key (the keys of investment_total: CATEGORY, PARK_CAT, PARK, CHAIN, INDUSTRY):
-- the sum of the annual plans of the projects that count (入库, 开工 or 投产; not 撤销) and how many they are. Kept
-- by the projection on PlanSet, on stage moves and on changed facts, so a report reads a few dozen rows, never the
-- plans of every project.
create table plan_total (
    year     smallint       not null,
    dim      varchar(10)    not null,
    district varchar(6)     not null,
    key      varchar(120)   not null,
    amount   numeric(20, 4) not null,
    projects bigint         not null,
    primary key (year, dim, district, key)
);

-- The year's target (目标任务, 万元) of a district, or of the whole city (district = 4101), set by admin. Not a read
-- model: no event carries it, a rebuild keeps it (like restated_base). Versioned for If-Match.
create table district_target (
    district varchar(6)     not null,
    year     smallint       not null,
    amount   numeric(18, 4) not null,
    reason   varchar(500),
    set_by   varchar(100)   not null,
    set_at   timestamptz    not null,
    version  integer        not null,
    primary key (district, year)
);
