package cn.zz.pipeline.project.investment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Every figure a report ever had. */
@ApplicationScoped
public class InvestmentRevisionRepository implements PanacheRepositoryBase<InvestmentRevision, Long> {

    /** A project's revisions, oldest first (the first of a report is its original figure). */
    public List<InvestmentRevision> ofProject(UUID projectId) {
        return list("projectId", Sort.by("at").and("id"), projectId);
    }
}
