package cn.zz.pipeline.project.service;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.domain.ProblemState;
import cn.zz.pipeline.project.model.Project;
import cn.zz.pipeline.project.model.ProjectHistory;
import cn.zz.pipeline.project.model.ProjectProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Read side: lists within the caller's scope, each one count and one page query (no per-row queries). */
@ApplicationScoped
public class ProjectQueries {

    @Inject
    EntityManager em;

    @Inject
    Today today;

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** A problem with the code and name of its project, for the city-wide ledger. */
    public record ProblemRow(ProjectProblem problem, String projectCode, String projectName) {
    }

    /**
     * The region prefix a list is limited to: the requested district narrowed to the caller's scope. A request
     * wider than the scope (a district user asking for the city) is narrowed; a disjoint one is refused.
     */
    public static String regionPrefix(String requested, CurrentUser user) {
        String scope = user.readScope();
        if (requested == null) {
            return scope;
        }
        if (scope == null || requested.startsWith(scope)) {
            return requested;
        }
        if (scope.startsWith(requested)) {
            return scope;
        }
        throw ApiException.forbidden("无权查看区县 " + requested + " 的数据 (outside your district " + scope + ")");
    }

    public Page<Project> projects(String regionPrefix, Stage stage, String chain, String q, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (regionPrefix != null) {
            where.append(" and p.district like :region");
            params.put("region", regionPrefix + "%");
        }
        if (stage != null) {
            where.append(" and p.stage = :stage");
            params.put("stage", stage);
        }
        if (chain != null) {
            where.append(" and p.chain = :chain");
            params.put("chain", chain);
        }
        if (q != null) {
            where.append(" and p.searchText like :q escape '!'");
            params.put("q", "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
        }
        TypedQuery<Project> items = em.createQuery("from Project p" + where
                + " order by p.createdAt desc, p.id desc", Project.class);
        params.forEach(items::setParameter);
        List<Project> found = items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(found, total(found.size(), page, size, "select count(p) from Project p" + where, params),
                page, size);
    }

    /** By version: ids come from pooled sequence blocks, which do not follow time across instances. */
    public List<ProjectHistory> history(UUID projectId) {
        return em.createQuery("from ProjectHistory h where h.projectId = :id order by h.version, h.id", ProjectHistory.class)
                .setParameter("id", projectId).getResultList();
    }

    public List<ProjectProblem> problemsOf(UUID projectId, ProblemState state, Boolean overdue) {
        StringBuilder where = new StringBuilder(" where pr.projectId = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", projectId);
        problemFilter(where, params, state, overdue);
        TypedQuery<ProjectProblem> query = em.createQuery("select pr from ProjectProblem pr" + where
                + " order by pr.loggedAt, pr.id", ProjectProblem.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    public Page<ProblemRow> problems(String regionPrefix, ProblemState state, Boolean overdue, int page, int size) {
        StringBuilder where = new StringBuilder(" where p.id = pr.projectId");
        Map<String, Object> params = new HashMap<>();
        if (regionPrefix != null) {
            where.append(" and pr.district like :region");
            params.put("region", regionPrefix + "%");
        }
        problemFilter(where, params, state, overdue);
        TypedQuery<Object[]> query = em.createQuery("select pr, p.code, p.name from ProjectProblem pr, Project p"
                + where + " order by pr.deadline, pr.id", Object[].class);
        params.forEach(query::setParameter);
        List<ProblemRow> rows = new ArrayList<>();
        for (Object[] r : query.setFirstResult((page - 1) * size).setMaxResults(size).getResultList()) {
            rows.add(new ProblemRow((ProjectProblem) r[0], (String) r[1], (String) r[2]));
        }
        return new Page<>(rows, total(rows.size(), page, size,
                "select count(pr) from ProjectProblem pr, Project p" + where, params), page, size);
    }

    /** Overdue (逾期) = open with the deadline passed; the same rule as {@link ProjectProblem#overdue}. */
    private void problemFilter(StringBuilder where, Map<String, Object> params, ProblemState state, Boolean overdue) {
        if (state != null) {
            where.append(" and pr.state = :state");
            params.put("state", state);
        }
        if (overdue != null) {
            where.append(overdue ? " and pr.state = :open and pr.deadline < :today"
                    : " and (pr.state <> :open or pr.deadline >= :today)");
            params.put("open", ProblemState.OPEN);
            params.put("today", today.date());
        }
    }

    /** The count query is skipped when the first page already holds everything. */
    private long total(int found, int page, int size, String countQuery, Map<String, Object> params) {
        if (page == 1 && found < size) {
            return found;
        }
        TypedQuery<Long> count = em.createQuery(countQuery, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private static String likeEscaped(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
