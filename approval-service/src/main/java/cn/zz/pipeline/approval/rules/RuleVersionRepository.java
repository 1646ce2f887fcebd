package cn.zz.pipeline.approval.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The stored versions of the rule table; the current one is the highest. */
@ApplicationScoped
public class RuleVersionRepository implements PanacheRepositoryBase<RuleVersion, Integer> {

    /** The current version's number: one index lookup, without reading its rules. */
    public int current() {
        return find("select max(v.version) from RuleVersion v").project(Integer.class).singleResult();
    }

    /**
     * Writes a version unless it exists.
     *
     * @return false when another save wrote this version first
     */
    public boolean insert(int version, String rulesJson, String comment, String actor) {
        // Native: of two saves from one version the key lets one write and the other write nothing (on conflict do
        // nothing), without a constraint violation that would doom the transaction; and the text is cast to jsonb.
        return getEntityManager().createNativeQuery("insert into approval_rule_version (version, rules, comment,"
                        + " created_by) values (?1, cast(?2 as jsonb), ?3, ?4) on conflict (version) do nothing")
                .setParameter(1, version).setParameter(2, rulesJson).setParameter(3, comment)
                .setParameter(4, actor).executeUpdate() == 1;
    }
}
