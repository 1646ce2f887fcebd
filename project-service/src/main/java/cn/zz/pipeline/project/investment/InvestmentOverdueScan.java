package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.cluster.SingleRunner;
import cn.zz.pipeline.platform.time.InvestmentDeadlines;
import cn.zz.pipeline.platform.time.Today;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Finds the projects whose monthly figure went overdue (逾期未报) and escalates each once per period to its assigned
 * leader ({@link InvestmentOverdueEscalation}, one transaction per project, so one failure does not hold back the
 * others). Only the periods whose deadline has passed within the look-back are considered
 * ({@link InvestmentOverdueConfig#lookBackPeriods()}), per district, since each district may have its own deadline.
 */
@ApplicationScoped
public class InvestmentOverdueScan {

    private static final Logger LOG = Logger.getLogger(InvestmentOverdueScan.class);
    private static final int BATCH = 500;

    @Inject
    OverdueNoticeRepository notices;

    @Inject
    InvestmentOverdueEscalation escalation;

    @Inject
    InvestmentDeadlines deadlines;

    @Inject
    InvestmentOverdueConfig config;

    @Inject
    Today today;

    @Inject
    SingleRunner single;

    @Scheduled(identity = "investment-overdue-scan", every = "${project.investment-overdue.every:1h}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scanAlone().ifPresent(escalated -> {
            if (escalated > 0) {
                LOG.infof("%d project period(s) newly overdue (逾期未报), escalated", escalated);
            }
        });
    }

    /**
     * {@link #scan} on this instance alone: empty when another instance of the service is running it (the
     * advisory lock "investment-overdue-scan", {@link SingleRunner}).
     */
    public OptionalInt scanAlone() {
        return single.call("investment-overdue-scan", this::scan).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return how many (project, period) pairs were escalated by this run */
    public int scan() {
        int escalated = 0;
        for (Map.Entry<YearMonth, List<String>> due : duePeriods(today.date()).entrySet()) {
            escalated += scan(due.getKey(), due.getValue());
        }
        return escalated;
    }

    /**
     * Period → the districts where its deadline has passed on {@code day} and it lies within the look-back: the
     * latest passed period of each district and the ones before it.
     */
    Map<YearMonth, List<String>> duePeriods(LocalDate day) {
        Map<YearMonth, List<String>> due = new TreeMap<>();
        for (District d : District.all()) {
            YearMonth period = deadlines.latestPassed(d.code(), day);
            for (int i = 0; i < config.lookBackPeriods() && !period.isBefore(InvestmentDeadlines.EARLIEST); i++) {
                due.computeIfAbsent(period, k -> new ArrayList<>()).add(d.code());
                period = InvestmentDeadlines.previous(period);
            }
        }
        return due;
    }

    private int scan(YearMonth period, List<String> districts) {
        int escalated = 0;
        while (true) {
            List<UUID> candidates = QuarkusTransaction.requiringNew()
                    .call(() -> notices.unreported(districts, period, BATCH));
            int before = escalated;
            for (UUID id : candidates) {
                try {
                    if (escalation.escalate(id, period)) {
                        escalated++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "project %s, period %s: overdue escalation failed, the next scan retries", id, period);
                }
            }
            // A full batch without progress holds only failures (or projects not due yet): the next scan retries.
            if (candidates.size() < BATCH || escalated == before) {
                return escalated;
            }
        }
    }
}
