package cn.zz.pipeline.reporting.config;

import cn.zz.pipeline.events.District;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.Map;
import java.util.Optional;

/** Typed configuration of reporting-service (prefix {@code reporting}). */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Department code → Chinese name. */
    Map<String, String> departments();

    /**
     * Most events per transaction of the projection (one Kafka poll). Only a projection that is behind (a rebuild, a
     * bulk import) fills it; larger batches merge more changes of the same aggregate rows before writing them.
     */
    @WithDefault("20000")
    int batchSize();

    /**
     * 拿地即开工: a project counts as started "on getting its land" when its 开工 date is at most this many days after
     * its LAND (拿地) node's actual date.
     */
    @WithDefault("30")
    @Min(0)
    @Max(3650)
    int landToStartDays();

    /** The OC4IDS project package export. */
    Oc4ids oc4ids();

    interface Oc4ids {
        /**
         * Project identifier prefix (OC4IDS {@code project.id} = prefix + project code). A publisher registers its
         * own prefix with the OC4IDS helpdesk; the default is a placeholder until then.
         */
        @WithDefault("oc4ids-zzfgw-")
        String prefix();

        /** {@code publisher.name} of the package. */
        @WithDefault("郑州市发展和改革委员会")
        String publisherName();

        /** {@code license} of the package: the canonical URI of the data's licence; none when absent. */
        Optional<String> license();
    }

    /** The Chinese name of a district (the project's district table), or the code itself when it is unknown. */
    default String districtLabel(String code) {
        return District.label(code);
    }

    default String departmentLabel(String code) {
        return code == null ? null : departments().getOrDefault(code, code);
    }
}
