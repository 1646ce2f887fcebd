-- 入库资料 per project, from material-added and material-removed: the admission ledger tells which required kinds a
-- declared project still lacks. One row per material (a kind counts while any of its files remains).
create table material_view (
    material_id  uuid         primary key,
    project_id   uuid         not null,
    kind         varchar(20)  not null
);
create index material_project on material_view (project_id);
