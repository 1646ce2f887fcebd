package cn.zz.pipeline.reporting.oc4ids;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.jdbc.Session;
import cn.zz.pipeline.reporting.jdbc.Sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the OC4IDS export reads: project_view rows with their reported figures (investment_figure), in code order. */
final class Oc4idsProjects {

    private Oc4idsProjects() {
    }

    /** A project with its reported figures. */
    record Project(UUID id, String code, String name, String ownerName, String district, String park,
                   String industry, String sector, String constructionType, BigDecimal totalInvestment,
                   LocalDate plannedStart, LocalDate plannedProduction, LocalDate productionOn, Stage stage,
                   OffsetDateTime updatedAt, List<Figure> figures) {
    }

    /** The cumulative completed investment 1-{@code month}月 of {@code year}, 万元. */
    record Figure(int year, int month, BigDecimal amount) {
    }

    /** A project's row joined with one of its figures (year, month and amount null without any). */
    record Selected(UUID projectId, String code, String name, String ownerName, String district, String park,
                    String industry, String sector, String constructionType, BigDecimal totalInvestment,
                    LocalDate plannedStart, LocalDate plannedProduction, LocalDate productionOn, Stage stage,
                    OffsetDateTime updatedAt, Integer year, Integer month, BigDecimal amount) {
    }

    record LastChange(Instant lastChange) {
    }

    /** The latest change of the projects within {@code region} (of {@code stage} if given) or their figures. */
    static Instant lastChange(Session s, String region, Stage stage) {
        return s.first(LastChange.class, Sql.of("select greatest(max(p.updated_at), max(f.reported_at)) as last_change"
                        + " from project_view p left join investment_figure f on f.project_id = p.project_id")
                .append(where(region, stage))).map(LastChange::lastChange).orElse(null);
    }

    /** Each project within {@code region} (of {@code stage} if given) with its figures, as the cursor reads them. */
    static <X extends Exception> void each(Session s, String region, Stage stage, Session.Each<Project, X> each)
            throws X {
        Project[] current = new Project[1];
        s.each(Selected.class, Sql.of("select p.project_id, p.code, p.name, p.owner_name, p.district, p.park,"
                        + " p.industry, p.sector, p.construction_type, p.total_investment, p.planned_start,"
                        + " p.planned_production, p.production_on, p.stage, p.updated_at, f.year, f.month, f.amount"
                        + " from project_view p left join investment_figure f on f.project_id = p.project_id")
                .append(where(region, stage))
                .append(" order by p.district, p.code, p.project_id, f.year, f.month"), r -> {
                    if (current[0] == null || !current[0].id().equals(r.projectId())) {
                        if (current[0] != null) {
                            each.row(current[0]);
                        }
                        current[0] = new Project(r.projectId(), r.code(), r.name(), r.ownerName(), r.district(),
                                r.park(), r.industry(), r.sector(), r.constructionType(), r.totalInvestment(),
                                r.plannedStart(), r.plannedProduction(), r.productionOn(), r.stage(), r.updatedAt(),
                                new ArrayList<>());
                    }
                    if (r.year() != null) {
                        current[0].figures().add(new Figure(r.year(), r.month(), r.amount()));
                    }
                });
        if (current[0] != null) {
            each.row(current[0]);
        }
    }

    private static Sql where(String region, Stage stage) {
        Sql sql = Sql.of(" where true").inScope("p.district", region);
        if (stage != null) {
            sql.append(" and p.stage = ?", stage.name());
        }
        return sql;
    }
}
