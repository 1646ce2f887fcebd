package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.time.InvestmentDeadlines;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The escalated (project, period) pairs, and the projects the overdue scan still has to look at. */
@ApplicationScoped
public class OverdueNoticeRepository implements PanacheRepositoryBase<OverdueNotice, OverdueNotice.Key> {

    /** The stages that owe figures, as the platform's rule says. */
    private static final List<Stage> OWING = Arrays.stream(Stage.values()).filter(InvestmentDeadlines::owingStage)
            .toList();

    public boolean escalated(UUID projectId, YearMonth period) {
        return findByIdOptional(new OverdueNotice.Key(projectId, period)).isPresent();
    }

    /**
     * Up to {@code limit} projects of {@code districts} that owe a figure for {@code period} (入库 or later, admitted by
     * the period's end: January's admissions owe 1-2月; not in production before the period's first month), have none
     * and were not escalated for it yet. The escalation
     * checks each again in its own transaction; this only narrows the search.
     */
    public List<UUID> unreported(Collection<String> districts, YearMonth period, int limit) {
        return getEntityManager().createQuery("select p.id from Project p where p.district in :districts"
                        + " and p.stage in :owing and p.admittedOn <= :end"
                        + " and (p.stage <> :produced or p.productionOn is null or p.productionOn >= :start)"
                        + " and not exists (select 1 from InvestmentReport r where r.projectId = p.id"
                        + " and r.year = :year and r.month = :month)"
                        + " and not exists (select 1 from OverdueNotice n where n.projectId = p.id"
                        + " and n.year = :year and n.month = :month)"
                        + " order by p.id", UUID.class)
                .setParameter("districts", districts)
                .setParameter("owing", OWING)
                .setParameter("end", period.atEndOfMonth())
                .setParameter("produced", Stage.IN_PRODUCTION)
                .setParameter("start", InvestmentDeadlines.firstDay(period))
                .setParameter("year", period.getYear())
                .setParameter("month", period.getMonthValue())
                .setMaxResults(limit)
                .getResultList();
    }
}
