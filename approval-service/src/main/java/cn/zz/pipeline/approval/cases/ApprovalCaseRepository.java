package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Approval cases: the open case of a project, the declarations already seen, the filtered list. */
@ApplicationScoped
public class ApprovalCaseRepository implements PanacheRepositoryBase<ApprovalCase, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("openedAt").and("id");

    /** The project's open case; a partial unique index allows at most one. */
    public Optional<ApprovalCase> openCase(UUID projectId) {
        return find("projectId = ?1 and state = ?2", projectId, CaseState.OPEN).firstResultOptional();
    }

    /** True when this declaration (the project and the declared event's sequence) has opened a case already. */
    public boolean opened(UUID projectId, long declaredSequence) {
        return count("projectId = ?1 and declaredSequence = ?2", projectId, declaredSequence) > 0;
    }

    /** Cases matching the filters, newest first. */
    public PanacheQuery<ApprovalCase> matching(Where where) {
        return find(where.query(), NEWEST_FIRST, where.params());
    }

    /** The cases of these ids, by id, in one query. */
    public Map<UUID, ApprovalCase> byId(Collection<UUID> ids) {
        return list("id in ?1", ids).stream().collect(Collectors.toMap(ApprovalCase::id, Function.identity()));
    }
}
