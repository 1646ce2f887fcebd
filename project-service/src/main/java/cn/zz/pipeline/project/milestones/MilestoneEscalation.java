package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.project.MilestoneAtRisk;
import cn.zz.pipeline.events.project.MilestoneLate;
import cn.zz.pipeline.platform.time.MilestoneConfig;
import cn.zz.pipeline.platform.time.MilestoneStatus;
import cn.zz.pipeline.platform.time.MilestoneStatus.Status;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Lifecycle;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Warns of one project's yellow and red nodes (黄灯 / 红灯), escalated to its assigned leader. One transaction per
 * project: per node a {@link MilestoneNotice} row and a version of the project with its history row and the
 * {@link MilestoneAtRisk} or {@link MilestoneLate} event in the outbox, through {@link ChangeLog}.
 */
@ApplicationScoped
public class MilestoneEscalation {

    @Inject
    ProjectRepository projects;

    @Inject
    MilestoneRepository milestones;

    @Inject
    MilestoneNoticeRepository notices;

    @Inject
    ChangeLog changes;

    @Inject
    MilestoneConfig config;

    @Inject
    Today today;

    /**
     * Checks each candidate again under this transaction, with the platform's rule on today's date, and warns when it
     * still holds. Two scans at once: the loser fails on the project's version (or the notice's key) and warns of
     * nothing for this project.
     *
     * @return how many warnings were sent now
     */
    @Transactional
    public int escalate(UUID projectId, Collection<MilestoneCandidates.Candidate> candidates) {
        Project p = projects.findById(projectId);
        if (p == null || Lifecycle.closed(p.stage())) {
            return 0;
        }
        Map<String, Milestone> byCode = new HashMap<>();
        milestones.ofProject(projectId).forEach(n -> byCode.put(n.code(), n));
        LocalDate day = today.date();
        int sent = 0;
        for (MilestoneCandidates.Candidate c : candidates) {
            Milestone n = byCode.get(c.node());
            if (n == null || n.actual() != null || !n.planned().equals(c.planned())) {
                continue; // completed, replanned or dropped since the query
            }
            Status state = MilestoneStatus.of(n.planned(), n.actual(), day, config.atRiskDays());
            if ((state == Status.AT_RISK || state == Status.LATE)
                    && !notices.sent(projectId, n.code(), n.planned(), state)) {
                warn(p, n, state, day);
                sent++;
            }
        }
        return sent;
    }

    private void warn(Project p, Milestone n, Status state, LocalDate day) {
        Instant now = today.now();
        String leader = p.leader();
        notices.persist(new MilestoneNotice(p.id(), n.code(), n.planned(), state, leader, now));
        p.touch(now);
        int daysLate = (int) ChronoUnit.DAYS.between(n.planned(), day);
        EventPayload event = state == Status.LATE
                ? new MilestoneLate(p.id(), p.code(), p.district(), n.code(), n.name(), n.planned(), daysLate, leader)
                : new MilestoneAtRisk(p.id(), p.code(), p.district(), n.code(), n.name(), n.planned(), leader);
        String reason = state == Status.LATE
                ? "红灯：节点" + n.name() + "（" + n.code() + "）计划 " + n.planned() + " 完成，已逾期 " + daysLate + " 天"
                : "黄灯：节点" + n.name() + "（" + n.code() + "）计划 " + n.planned() + " 完成，尚未完成";
        changes.record(Change.of(p, event).at(now).because(reason).with(detail(n, state, daysLate, leader)));
    }

    private static Map<String, Object> detail(Milestone n, Status state, int daysLate, String leader) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("node", n.code());
        detail.put("planned", n.planned().toString());
        detail.put("state", state.name());
        if (state == Status.LATE) {
            detail.put("daysLate", daysLate);
        }
        if (leader != null) {
            detail.put("escalatedTo", leader);
        }
        return detail;
    }
}
