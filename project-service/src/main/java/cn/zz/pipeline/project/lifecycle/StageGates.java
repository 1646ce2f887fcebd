package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.config.GateSettings.Thresholds;
import cn.zz.pipeline.project.config.GateSettings;
import cn.zz.pipeline.project.materials.AdmissionMaterials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions to enter each stage (docs/domain.md, lifecycle and gates). Returns every unmet condition, never
 * just the first, so staff can fix them all in one go.
 */
@ApplicationScoped
public class StageGates {

    @Inject
    GateSettings settings;

    @Inject
    AdmissionMaterials materials;

    public List<Violation> unmet(Project p, Stage to, LocalDate date, LocalDate today) {
        List<Violation> unmet = new ArrayList<>();
        switch (to) {
            case DECLARED -> declared(p, unmet);
            case ADMITTED -> {
                if (p.approvalState() != ApprovalState.APPROVED || p.approvalCaseId() == null) {
                    unmet.add(new Violation("approvalState", "approval-pending",
                            "并联审批尚未全部批准，不能入库（当前：" + (p.approvalState() == null ? "审批未开始"
                                    : p.approvalState().label()) + "）",
                            p.approvalState() == null ? "NONE" : p.approvalState().name(), ApprovalState.APPROVED.name()));
                }
                unmet.addAll(materials.unmet(p)); // 入库资料, where the district made them a gate
            }
            case STARTED -> {
                if (date == null) {
                    unmet.add(missing("date", "实际开工日期（桩基开工，不含场地平整）"));
                } else if (date.isAfter(today)) {
                    unmet.add(new Violation("date", "start-date-in-future", "实际开工日期不能晚于今天", date, today));
                }
            }
            case IN_PRODUCTION -> {
                if (date == null) {
                    unmet.add(missing("date", "投产日期"));
                } else if (p.startedOn() != null && date.isBefore(p.startedOn())) {
                    unmet.add(new Violation("date", "production-before-start", "投产日期不能早于开工日期", date,
                            p.startedOn()));
                }
            }
            default -> {
                // WITHDRAWN: no condition besides the date below
            }
        }
        if (date != null && date.isAfter(today) && to != Stage.STARTED) {
            unmet.add(new Violation("date", "date-in-future", "日期不能晚于今天", date, today));
        }
        return unmet;
    }

    /** 申报: the minimum total investment, the basic facts, and for industrial land projects the 亩均 screen. */
    private void declared(Project p, List<Violation> unmet) {
        Thresholds t = settings.forDistrict(p.district());
        ProjectFacts f = p.facts();
        if (f.totalInvestment().compareTo(t.minTotalInvestment()) < 0) {
            unmet.add(new Violation("totalInvestment", "min-total-investment",
                    "总投资低于申报门槛 " + plain(t.minTotalInvestment()) + " 万元", plain(f.totalInvestment()),
                    plain(t.minTotalInvestment())));
        }
        if (f.plannedProduction() == null) {
            unmet.add(missing("plannedProduction", "计划投产日期"));
        }
        if (f.takesNewLand() && f.landArea() == null) {
            unmet.add(missing("landArea", "新增用地面积（亩）"));
        }
        boolean screened = p.industrial() && f.takesNewLand();
        if (!screened) {
            return;
        }
        if (f.annualTax() == null) {
            unmet.add(missing("annualTax", "预计年税收（万元），亩均税收强度筛选所需"));
        }
        BigDecimal land = f.landArea();
        if (land == null) {
            return;
        }
        intensity(unmet, "investmentIntensity", "investment-intensity", "投资强度", "万元/亩", f.totalInvestment(), land,
                t.investmentIntensity());
        intensity(unmet, "outputIntensity", "output-intensity", "产出强度", "万元/亩", f.annualOutput(), land,
                t.outputIntensity());
        intensity(unmet, "taxIntensity", "tax-intensity", "税收强度", "万元/亩/年", f.annualTax(), land, t.taxIntensity());
    }

    private static void intensity(List<Violation> unmet, String field, String code, String label, String unit,
                                  BigDecimal amount, BigDecimal land, BigDecimal limit) {
        if (amount == null) {
            return; // reported as a missing fact
        }
        BigDecimal value = amount.divide(land, 2, RoundingMode.HALF_UP);
        if (amount.compareTo(limit.multiply(land)) < 0) { // exact comparison, the rounded value is for display
            unmet.add(new Violation(field, code, "亩均" + label + " " + plain(value) + " " + unit + " 低于标准 "
                    + plain(limit) + " " + unit, plain(value), plain(limit)));
        }
    }

    private static Violation missing(String field, String label) {
        return new Violation(field, "missing-fact", "缺少" + label, null, null);
    }

    private static BigDecimal plain(BigDecimal v) {
        return Decimals.canonical(v);
    }
}
