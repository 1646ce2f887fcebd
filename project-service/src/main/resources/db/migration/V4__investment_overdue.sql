-- 逾期未报: the (project, period) pairs the overdue scan has escalated. The key is what keeps the scan from emitting
-- InvestmentOverdue twice for one project and period, also across restarts and with several instances running.
create table investment_overdue (
    project_id   uuid         not null references project (id),
    year         integer      not null check (year between 2000 and 2100),
    month        integer      not null check (month between 2 and 12),
    deadline     date         not null,
    escalated_to varchar(100),
    emitted_at   timestamptz  not null,
    primary key (project_id, year, month)
);
