package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.events.project.InvestmentOverdue;
import cn.zz.pipeline.platform.time.InvestmentDeadlines;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Escalates one project for one period as 逾期未报: the period's deadline has passed and the project, which owes a
 * figure for it, has none. One transaction: the {@link OverdueNotice} row, a version of the project with its history
 * row and the {@link InvestmentOverdue} event (to the assigned leader) in the outbox, through {@link ChangeLog}.
 */
@ApplicationScoped
public class InvestmentOverdueEscalation {

    @Inject
    ProjectRepository projects;

    @Inject
    InvestmentReportRepository reports;

    @Inject
    OverdueNoticeRepository notices;

    @Inject
    ChangeLog changes;

    @Inject
    InvestmentDeadlines deadlines;

    @Inject
    Today today;

    /**
     * Checks everything again under this transaction and escalates when it still holds. Two scans at once: the loser
     * fails on the project's version (or the notice's key) and escalates nothing.
     *
     * @return true if the project was escalated now; false if it owes nothing for the period, has a figure for it,
     *     is not past the deadline yet, or was escalated before
     */
    @Transactional
    public boolean escalate(UUID projectId, YearMonth period) {
        Project p = projects.findById(projectId);
        if (p == null || !InvestmentDeadlines.owes(p.stage(), p.admittedOn(), p.productionOn(), period)) {
            return false;
        }
        LocalDate deadline = deadlines.deadline(p.district(), period);
        if (!deadlines.overdue(p.district(), period, today.date()) || notices.escalated(projectId, period)
                || reports.reported(projectId, period)) {
            return false;
        }
        Instant now = today.now();
        String leader = p.leader();
        notices.persist(new OverdueNotice(projectId, period, deadline, leader, now));
        p.touch(now);
        InvestmentOverdue event = new InvestmentOverdue(p.id(), p.code(), p.district(), period.toString(), deadline,
                leader);
        changes.record(Change.of(p, event).at(now)
                .because("逾期未报：" + period.getYear() + "年" + InvestmentDeadlines.label(period) + "完成投资应于 "
                        + deadline + " 前填报")
                .with(detail(period, deadline, leader)));
        return true;
    }

    private static Map<String, Object> detail(YearMonth period, LocalDate deadline, String leader) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", period.toString());
        detail.put("deadline", deadline.toString());
        if (leader != null) {
            detail.put("escalatedTo", leader);
        }
        return detail;
    }
}
