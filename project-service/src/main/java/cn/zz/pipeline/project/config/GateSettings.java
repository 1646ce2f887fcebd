package cn.zz.pipeline.project.config;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.zz.pipeline.events.District;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Gate thresholds resolved per district once at startup (defaults merged with the district's overrides). */
@ApplicationScoped
public class GateSettings {

    /** Thresholds that apply to one district. */
    @Schema(name = "GateThresholds", description = "申报门槛 (the 申报 gate thresholds)")
    public record Thresholds(
            @Schema(required = true, description = "最低总投资，万元 (minimum total investment, 10,000 yuan)",
                    example = "500") BigDecimal minTotalInvestment,
            @Schema(required = true, description = "最低投资强度，万元/亩 (minimum investment per mu)",
                    example = "400") BigDecimal investmentIntensity,
            @Schema(required = true, description = "最低亩均产值，万元/亩 (minimum annual output per mu)",
                    example = "500") BigDecimal outputIntensity,
            @Schema(required = true, description = "最低亩均税收，万元/亩/年 (minimum annual tax per mu and year)",
                    example = "30") BigDecimal taxIntensity) {
    }

    private final Thresholds defaults;
    private final Map<String, Thresholds> byDistrict = new HashMap<>();

    @Inject
    public GateSettings(ProjectConfig config) {
        ProjectConfig.Gates g = config.gates();
        defaults = checked("project.gates", new Thresholds(g.minTotalInvestment(), g.investmentIntensity(),
                g.outputIntensity(), g.taxIntensity()));
        g.districts().forEach((code, o) -> {
            // A typo in a district key would silently leave the defaults in force.
            if (!District.known(code)) {
                throw new IllegalStateException("project.gates.districts: unknown region " + code);
            }
            byDistrict.put(code, checked("project.gates.districts." + code, new Thresholds(
                    o.minTotalInvestment().orElse(defaults.minTotalInvestment()),
                    o.investmentIntensity().orElse(defaults.investmentIntensity()),
                    o.outputIntensity().orElse(defaults.outputIntensity()),
                    o.taxIntensity().orElse(defaults.taxIntensity()))));
        });
    }

    public Thresholds forDistrict(String district) {
        return byDistrict.getOrDefault(district, defaults);
    }

    private static Thresholds checked(String key, Thresholds t) {
        for (BigDecimal v : new BigDecimal[] {t.minTotalInvestment(), t.investmentIntensity(), t.outputIntensity(),
                t.taxIntensity()}) {
            if (v.signum() < 0) {
                throw new IllegalStateException(key + ": thresholds must not be negative: " + t);
            }
        }
        return t;
    }
}
