package cn.zz.pipeline.project.milestones;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The stored versions of the milestone templates; none stored means the shipped defaults (version 1). */
@ApplicationScoped
public class TemplateVersionRepository implements PanacheRepositoryBase<TemplateVersion, Integer> {

    /** The current version's number: the highest stored, else 1. */
    public int current() {
        Integer max = find("select max(v.version) from TemplateVersion v").project(Integer.class).singleResult();
        return max == null ? MilestoneTemplates.SHIPPED : max;
    }

    /**
     * Writes a version unless it exists.
     *
     * @return false when another save wrote this version first
     */
    public boolean insert(int version, String templatesJson, String comment, String actor, Instant at) {
        // Native: of two saves from one version the key lets one write and the other write nothing (on conflict do
        // nothing) without a constraint violation that would doom the transaction; and the text is cast to jsonb.
        return getEntityManager().createNativeQuery("insert into milestone_template_version (version, templates,"
                        + " comment, created_by, created_at) values (?1, cast(?2 as jsonb), ?3, ?4, ?5)"
                        + " on conflict (version) do nothing")
                .setParameter(1, version).setParameter(2, templatesJson).setParameter(3, comment)
                .setParameter(4, actor).setParameter(5, at).executeUpdate() == 1;
    }
}
