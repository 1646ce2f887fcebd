package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.util.List;

/** Every rule a project's facts must satisfy, at registration and after each patch: field rules, then domain checks. */
@ApplicationScoped
public class FactRules {

    @Inject
    Validator validator;

    @Inject
    Today today;

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
        signed(f, out);
        return out;
    }

    /** 签约: an agreement signed in the future is a typing error; an amount without its date says nothing. */
    private void signed(ProjectFacts f, List<Violation> out) {
        LocalDate day = today.date();
        if (f.signedOn() != null && f.signedOn().isAfter(day)) {
            out.add(new Violation("signedOn", "date-in-future", "签约日期不能晚于今天 (signedOn is in the future)",
                    f.signedOn(), day));
        }
        if (f.signedAmount() != null && f.signedOn() == null) {
            out.add(new Violation("signedOn", "required", "填写签约金额时须同时填写签约日期 (signedAmount needs signedOn)",
                    null, null));
        }
    }
}
