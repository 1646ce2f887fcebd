-- 入库资料: the files a project enters the statistics library (入库) on. The bytes live in the object store under
-- object_key; this row is written only after the object is stored (and the object deleted again when the row's
-- transaction fails), so a row always names a stored object.
create table project_material (
    id            uuid          primary key,
    project_id    uuid          not null references project (id),
    district      varchar(6)    not null,
    kind          varchar(20)   not null check (kind in ('APPROVAL_DOC', 'CONTRACT', 'SITE_PHOTO', 'OTHER')),
    name          varchar(255)  not null,
    size          bigint        not null check (size > 0),
    sha256        char(64)      not null,
    content_type  varchar(100)  not null,
    object_key    varchar(200)  not null unique,
    taken_on      date,
    uploaded_by   varchar(255)  not null,
    uploaded_at   timestamptz   not null
);
create index project_material_project on project_material (project_id, uploaded_at);
