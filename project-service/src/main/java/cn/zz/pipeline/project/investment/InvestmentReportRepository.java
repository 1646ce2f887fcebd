package cn.zz.pipeline.project.investment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The current figure of each monthly report. */
@ApplicationScoped
public class InvestmentReportRepository implements PanacheRepositoryBase<InvestmentReport, UUID> {

    /** A project's reports in period order. */
    public List<InvestmentReport> ofProject(UUID projectId) {
        return list("projectId", Sort.by("year").and("month"), projectId);
    }

    /** Whether the project has a figure for exactly this period. */
    public boolean reported(UUID projectId, YearMonth period) {
        return count("projectId = ?1 and year = ?2 and month = ?3", projectId, period.getYear(),
                period.getMonthValue()) > 0;
    }
}
