package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.persistence.Where;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.PageView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Projects: the one loaded by a command or a read (with its access check), the list, and lookups by code or name. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /** The project or 404. */
    public Project byId(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ApiException.notFound("项目 project", id));
    }

    /** The project or 404. */
    public Project byCode(String code) {
        return find("code", code).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("项目代码 project code", code));
    }

    /** A project the caller may read: 404 unknown, 403 outside the caller's district. */
    public Project forRead(UUID id, CurrentUser user) {
        Project p = byId(id);
        user.requireRead(p.district());
        return p;
    }

    /**
     * The project a command changes: 404 unknown, 403 outside the writer's district, 409 when {@code ifMatch} names
     * another version (400 malformed). Without If-Match the command goes ahead; the version column still makes the
     * loser of two concurrent writers a 409.
     */
    public Project forWrite(UUID id, String ifMatch, CurrentUser user) {
        return forWrite(id, ifMatch, false, user);
    }

    /**
     * {@link #forWrite} for a command that adds to or takes from the project's collections (a material) rather than
     * changing its facts: without If-Match it waits on the project's row for a concurrent writer instead of losing to
     * it with 409, since two uploads at once do not contradict each other. With If-Match, as {@link #forWrite}.
     */
    public Project forAddition(UUID id, String ifMatch, CurrentUser user) {
        if (ifMatch != null) {
            return forWrite(id, ifMatch, user);
        }
        Project p = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("项目 project", id));
        user.requireWrite(p.district());
        return p;
    }

    /**
     * A command that changes nothing still answers 409 to an If-Match a concurrent writer has made stale meanwhile:
     * under read committed, what the command read after loading the project may already show that writer's change
     * (its version is read again from the database, not from the loaded entity).
     */
    public void requireCurrent(UUID id, String ifMatch) {
        if (ifMatch != null) {
            long committed = getEntityManager().createQuery("select p.version from Project p where p.id = :id",
                    Long.class).setParameter("id", id).getSingleResult();
            IfMatch.check(ifMatch, committed, false, "项目");
        }
    }

    /** {@link #forWrite}, but a missing If-Match answers 428 (a merge patch must say which version it patches). */
    public Project forPatch(UUID id, String ifMatch, CurrentUser user) {
        return forWrite(id, ifMatch, true, user);
    }

    private Project forWrite(UUID id, String ifMatch, boolean required, CurrentUser user) {
        Project p = byId(id);
        user.requireWrite(p.district());
        IfMatch.check(ifMatch, p.version(), required, "项目");
        return p;
    }

    /**
     * A page of the list, newest first.
     *
     * @param region a district code or a prefix of one (4101 = the city); null: every region
     * @param q free text, matched case-insensitively within name, owner and code
     */
    public PageView<Project> list(String region, Stage stage, String chain, String q, int page, int size) {
        Where where = new Where()
                .and("district like :region", "region", region == null ? null : region + "%")
                .and("stage = :stage", "stage", stage)
                .and("chain = :chain", "chain", chain)
                .and("searchText like :q escape '!'", "q", q == null ? null
                        : "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
        PanacheQuery<Project> found = find(where.query(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), where.params());
        List<Project> items = found.page(Page.of(page - 1, size)).list();
        return PageView.of(items, page, size, () -> count(where.query(), where.params()));
    }

    /** The code of a project with this name and credit code that is registered and not withdrawn: the same project. */
    public Optional<String> registeredCode(String name, String ownerCreditCode) {
        return find("name = ?1 and ownerCreditCode = ?2 and stage <> ?3", name, ownerCreditCode, Stage.WITHDRAWN)
                .firstResultOptional().map(Project::code);
    }

    /**
     * Name + credit code → project code of the projects of these owners that are registered and not withdrawn (one
     * query per 1,000 owners, only the three columns).
     */
    public Map<String, String> registeredByOwner(List<String> ownerCreditCodes) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < ownerCreditCodes.size(); i += 1000) {
            List<Object[]> found = getEntityManager().createQuery("select p.name, p.ownerCreditCode, p.code from Project p"
                            + " where p.ownerCreditCode in :owners and p.stage <> :withdrawn", Object[].class)
                    .setParameter("owners", ownerCreditCodes.subList(i, Math.min(ownerCreditCodes.size(), i + 1000)))
                    .setParameter("withdrawn", Stage.WITHDRAWN)
                    .getResultList();
            for (Object[] f : found) {
                out.putIfAbsent(registrationKey((String) f[0], (String) f[1]), (String) f[2]);
            }
        }
        return out;
    }

    /** The key {@link #registeredByOwner} answers by: the same name and credit code is the same project. */
    public static String registrationKey(String name, String ownerCreditCode) {
        return name == null || ownerCreditCode == null ? null : name + "\u0000" + ownerCreditCode;
    }

    /** Codes of the same year, region and serial as {@code code}, whatever their department and type (codes only). */
    public List<String> codesWithSerialOf(String code) {
        String pattern = code.substring(0, 12) + "__-__-" + code.substring(18, 23) + "_";
        return getEntityManager().createQuery("select p.code from Project p where p.code like :pattern", String.class)
                .setParameter("pattern", pattern).getResultList();
    }

    /**
     * The approval bookkeeping (并联审批): the project's current case and what is known of it. A bulk update that
     * leaves the version (and updatedAt) alone: no project event follows, and a version without an event would look
     * like a lost event to every consumer. It bypasses the persistence context: a loaded project must be refreshed to
     * show it ({@code @DynamicUpdate} keeps a later flush of that project from writing the old values back).
     *
     * @param unlessSuperseded true: leave a project alone that already follows another case (an outcome of an earlier
     *     case arriving late)
     * @return rows changed: 0 for an unknown project, or a superseded case when {@code unlessSuperseded}
     */
    public int recordApproval(UUID projectId, UUID caseId, ApprovalState state, boolean unlessSuperseded) {
        return update("approvalCaseId = :caseId, approvalState = :state where id = :id"
                        + (unlessSuperseded ? " and (approvalCaseId is null or approvalCaseId = :caseId)" : ""),
                Parameters.with("caseId", caseId).and("state", state).and("id", projectId));
    }

    private static String likeEscaped(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
