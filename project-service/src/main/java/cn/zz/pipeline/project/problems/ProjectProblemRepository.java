package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.platform.persistence.Where;
import cn.zz.pipeline.platform.web.PageView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The problem ledger (问题解决台账): a project's problems, and the city-wide ledger by deadline. */
@ApplicationScoped
public class ProjectProblemRepository implements PanacheRepositoryBase<ProjectProblem, UUID> {

    /** A project's problems in the order they were logged: by 登记日期, then as typed in. */
    public List<ProjectProblem> ofProject(UUID projectId, ProblemState state, Boolean overdue, LocalDate today) {
        Where where = filter(new Where().and("pr.projectId = :id", "id", projectId), state, overdue, today);
        return find("from ProjectProblem pr where " + where.query(),
                Sort.by("pr.loggedOn").and("pr.loggedAt").and("pr.id").disableEscaping(), where.params()).list();
    }

    /**
     * A page of the ledger by deadline, each problem with its project (fetched in the same query: its code and name
     * are shown beside the problem).
     *
     * @param region a district code or a prefix of one (4101 = the city); null: every region
     */
    public PageView<ProjectProblem> ledger(String region, ProblemState state, Boolean overdue, LocalDate today,
                                           int page, int size) {
        Where where = filter(new Where().and("pr.district like :region", "region", region == null ? null
                : region + "%"), state, overdue, today);
        String condition = where.query().isEmpty() ? "" : " where " + where.query();
        List<ProjectProblem> items = find("from ProjectProblem pr join fetch pr.project" + condition,
                sort("pr.deadline"), where.params()).page(Page.of(page - 1, size)).list();
        return PageView.of(items, page, size, () -> count("from ProjectProblem pr" + condition, where.params()));
    }

    /** Overdue (逾期) = open with the deadline passed: the same rule as {@link ProjectProblem#overdue}. */
    private static Where filter(Where where, ProblemState state, Boolean overdue, LocalDate today) {
        where.and("pr.state = :state", "state", state);
        if (overdue != null) {
            where.and(overdue ? "pr.state = :open and pr.deadline < :today"
                            : "(pr.state <> :open or pr.deadline >= :today)",
                    Map.of("open", ProblemState.OPEN, "today", today));
        }
        return where;
    }

    /** By {@code first}, then by id for a stable order (the alias keeps Panache from quoting the path). */
    private static Sort sort(String first) {
        return Sort.by(first).and("pr.id").disableEscaping();
    }
}
