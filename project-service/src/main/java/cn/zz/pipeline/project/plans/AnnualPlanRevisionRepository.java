package cn.zz.pipeline.project.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Every figure an annual plan ever had. */
@ApplicationScoped
public class AnnualPlanRevisionRepository implements PanacheRepositoryBase<AnnualPlanRevision, Long> {

    /** A project's revisions, oldest first. */
    public List<AnnualPlanRevision> ofProject(UUID projectId) {
        return list("projectId", Sort.by("at").and("id"), projectId);
    }

    /** The revisions of one plan, oldest first. */
    public List<AnnualPlanRevision> ofPlan(UUID planId) {
        return list("planId", Sort.by("at").and("id"), planId);
    }
}
