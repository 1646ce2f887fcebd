package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.cluster.SingleRunner;
import cn.zz.pipeline.platform.time.MilestoneConfig;
import cn.zz.pipeline.platform.time.Today;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Finds the open nodes that turned yellow (AT_RISK) or red (LATE) and warns of each once per planned date and state,
 * escalated to the project's assigned leader. One set-based candidate query ({@link MilestoneCandidates}), then one
 * small transaction per project ({@link MilestoneEscalation}), so one project failing does not hold back the others.
 * Another instance scanning at the same time: per project one wins, the other's write fails on the version or the
 * notice's key and is skipped.
 */
@ApplicationScoped
public class MilestoneScan {

    private static final Logger LOG = Logger.getLogger(MilestoneScan.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MilestoneEscalation escalation;

    @Inject
    MilestoneConfig milestones;

    @Inject
    MilestoneScanConfig config;

    @Inject
    Today today;

    @Inject
    SingleRunner single;

    @Scheduled(identity = "milestone-scan", every = "${project.milestone-scan.every:1h}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scanAlone().ifPresent(sent -> {
            if (sent > 0) {
                LOG.infof("%d milestone warning(s) (红黄灯) sent", sent);
            }
        });
    }

    /**
     * {@link #scan} on this instance alone: empty when another instance of the service is running it (the
     * advisory lock "milestone-scan", {@link SingleRunner}).
     */
    public OptionalInt scanAlone() {
        return single.call("milestone-scan", this::scan).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return how many warnings (milestone-at-risk and milestone-late) this run sent */
    public int scan() {
        Map<UUID, List<MilestoneCandidates.Candidate>> byProject = new LinkedHashMap<>();
        for (MilestoneCandidates.Candidate c : candidates()) {
            byProject.computeIfAbsent(c.projectId(), k -> new ArrayList<>()).add(c);
        }
        int sent = 0;
        for (Map.Entry<UUID, List<MilestoneCandidates.Candidate>> e : byProject.entrySet()) {
            try {
                sent += escalation.escalate(e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                if (lostRace(ex)) {
                    LOG.debugf("project %s: another scan warned first", e.getKey());
                } else {
                    LOG.warnf(ex, "project %s: milestone warning failed, the next scan retries", e.getKey());
                }
            }
        }
        return sent;
    }

    private List<MilestoneCandidates.Candidate> candidates() {
        try (Connection c = dataSource.getConnection()) {
            return MilestoneCandidates.find(c, today.date(), milestones.atRiskDays(), config.maxPerRun());
        } catch (SQLException e) {
            throw new IllegalStateException("milestone scan: candidate query failed", e);
        }
    }

    /** A concurrent writer changed the project first, or another scan stored the same warning. */
    private static boolean lostRace(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
