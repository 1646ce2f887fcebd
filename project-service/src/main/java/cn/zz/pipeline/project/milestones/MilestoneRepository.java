package cn.zz.pipeline.project.milestones;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The nodes of projects' milestone plans. */
@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    /** A project's nodes in plan order. */
    public List<Milestone> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position", projectId);
    }
}
