package cn.zz.pipeline.project.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The history rows of projects (one per change, written by {@link ChangeLog}). */
@ApplicationScoped
public class ProjectHistoryRepository implements PanacheRepositoryBase<ProjectHistory, Long> {

    /** By version: ids come from pooled sequence blocks, which do not follow time across instances. */
    public List<ProjectHistory> ofProject(UUID projectId) {
        return list("projectId", Sort.by("version").and("id"), projectId);
    }
}
