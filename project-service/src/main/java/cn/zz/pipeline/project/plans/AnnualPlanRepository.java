package cn.zz.pipeline.project.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current annual plans. */
@ApplicationScoped
public class AnnualPlanRepository implements PanacheRepositoryBase<AnnualPlan, UUID> {

    /** A project's plans by year. */
    public List<AnnualPlan> ofProject(UUID projectId) {
        return list("projectId", Sort.by("year"), projectId);
    }

    public Optional<AnnualPlan> of(UUID projectId, int year) {
        return find("projectId = ?1 and year = ?2", projectId, year).firstResultOptional();
    }
}
