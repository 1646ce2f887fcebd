package cn.zz.pipeline.project.milestones;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Projects' milestone plans, by project id. */
@ApplicationScoped
public class MilestonePlanRepository implements PanacheRepositoryBase<MilestonePlan, UUID> {
}
