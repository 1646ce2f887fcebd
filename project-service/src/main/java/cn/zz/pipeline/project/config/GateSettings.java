package cn.zz.pipeline.project.config;

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
    public record Thresholds(BigDecimal minTotalInvestment, BigDecimal investmentIntensity,
                             BigDecimal outputIntensity, BigDecimal taxIntensity) {
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
