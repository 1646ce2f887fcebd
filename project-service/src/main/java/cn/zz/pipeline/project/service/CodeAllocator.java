package cn.zz.pipeline.project.service;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.project.config.ProjectConfig;
import cn.zz.pipeline.project.domain.ProjectCode;
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

    private static final String NEXT_SERIAL = """
            insert into project_code_serial (year, region, last_serial) values (?1, ?2, 1)
            on conflict (year, region) do update set last_serial = project_code_serial.last_serial + 1
                where project_code_serial.last_serial < ?3
            returning last_serial""";

    @Inject
    EntityManager em;

    @Inject
    ProjectConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(int year, String region, String projectType) {
        List<?> serial = em.createNativeQuery(NEXT_SERIAL)
                .setParameter(1, year)
                .setParameter(2, region)
                .setParameter(3, ProjectCode.MAX_SERIAL)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("project_code_serial") // no need to flush anything else first
                .getResultList();
        if (serial.isEmpty()) {
            throw ApiException.conflict("serial-exhausted", "区县 " + region + " " + year + " 年的项目代码序号已用尽 (99999)");
        }
        return ProjectCode.of(year, region, config.code().department(), projectType,
                ((Number) serial.get(0)).intValue());
    }
}
