package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.project.config.ProjectConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.util.List;

/**
 * Hands out project codes. One upsert per code: the counter row of (year, region) is locked until the registering
 * transaction ends, so concurrent registrations get distinct serials, and a rolled-back registration gives its
 * serial back (the serials stay consecutive).
 */
@ApplicationScoped
public class CodeAllocator {

    /** Native: an {@code on conflict} upsert with {@code returning} on a table without an entity, one round trip. */
    private static final String RESERVE = """
            insert into project_code_serial (year, region, last_serial) values (?1, ?2, ?3)
            on conflict (year, region) do update set last_serial = project_code_serial.last_serial + ?3
                where project_code_serial.last_serial + ?3 <= ?4
            returning last_serial""";

    /**
     * A code imported from the past moves the counter past its serial, so no later registration reuses it. Native:
     * an {@code on conflict} upsert that also locks the counter row.
     */
    private static final String CLAIM = """
            insert into project_code_serial (year, region, last_serial) values (?1, ?2, ?3)
            on conflict (year, region) do update
                set last_serial = greatest(project_code_serial.last_serial, excluded.last_serial)""";

    @Inject
    EntityManager em;

    @Inject
    ProjectConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(int year, String region, String projectType) {
        return ProjectCode.of(year, region, config.code().department(), projectType, reserve(year, region, 1));
    }

    /** Code of a serial handed out by {@link #reserve}. */
    public String code(int year, String region, String projectType, int serial) {
        return ProjectCode.of(year, region, config.code().department(), projectType, serial);
    }

    /** Reserves {@code count} consecutive serials of (year, region) and returns the first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reserve(int year, String region, int count) {
        List<?> last = em.createNativeQuery(RESERVE)
                .setParameter(1, year).setParameter(2, region).setParameter(3, count)
                .setParameter(4, ProjectCode.MAX_SERIAL)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("project_code_serial") // no need to flush anything else first
                .getResultList();
        if (last.isEmpty()) {
            throw ApiException.conflict("serial-exhausted", "区县 " + region + " " + year
                    + " 年的项目代码序号不足 " + count + " 个 (99999)");
        }
        return ((Number) last.get(0)).intValue() - count + 1;
    }

    /** Locks the counter row of an existing code's (year, region) and moves it past the code's serial. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(int year, String region, int serial) {
        em.createNativeQuery(CLAIM).setParameter(1, year).setParameter(2, region).setParameter(3, serial)
                .executeUpdate();
    }
}
