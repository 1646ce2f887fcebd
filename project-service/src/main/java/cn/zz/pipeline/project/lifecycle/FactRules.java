package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.util.List;

/** Every rule a project's facts must satisfy, at registration and after each patch: field rules, then domain checks. */
@ApplicationScoped
public class FactRules {

    @Inject
    Validator validator;

    /** All violations at once (empty = valid). */
    public List<Violation> check(ProjectFacts f) {
        List<Violation> out = Violations.of(validator.validate(f));
        CreditCode.check("ownerCreditCode", f.ownerCreditCode()).ifPresent(out::add);
        IndustryCode.check("industry", f.industry()).ifPresent(out::add);
        if (f.district() != null && !District.known(f.district())) {
            out.add(new Violation("district", "unknown-district", "区县代码不在本市配置的区县之内", f.district(),
                    District.all().stream().map(District::code).toList()));
        }
        if (f.plannedStart() != null && f.plannedProduction() != null
                && f.plannedProduction().isBefore(f.plannedStart())) {
            out.add(new Violation("plannedProduction", "production-before-start", "计划投产日期不能早于计划开工日期",
                    f.plannedProduction(), f.plannedStart()));
        }
        return out;
    }
}
