package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project as the API shows it (field names per docs/api.md; labels beside codes for display). */
public record ProjectView(
        UUID id, String code, String name, String ownerName, String ownerCreditCode,
        String district, String districtName, String park, String chain,
        String industry, Sector sector, boolean industrial,
        ConstructionType constructionType, String projectType,
        BigDecimal totalInvestment, BigDecimal landArea, BigDecimal annualOutput, BigDecimal annualTax,
        boolean takesNewLand, EiaCategory eiaCategory, boolean privateInvestment,
        LocalDate plannedStart, LocalDate plannedProduction,
        @Schema(nullable = true, format = "date", description = "签约日期 (date the investment agreement was signed)")
        LocalDate signedOn,
        @Schema(nullable = true, description = "签约金额，万元 (signed amount, 10,000 yuan)") BigDecimal signedAmount,
        Stage stage, String stageLabel,
        LocalDate declaredOn, LocalDate admittedOn, LocalDate startedOn, LocalDate productionOn, LocalDate withdrawnOn,
        UUID approvalCaseId, ApprovalState approvalState,
        String leader, List<String> taskForce,
        long version, Instant createdAt, Instant updatedAt) {

    public static ProjectView of(Project p) {
        ProjectFacts f = p.facts();
        return new ProjectView(p.id(), p.code(), f.name(), f.ownerName(), f.ownerCreditCode(),
                p.district(), District.byCode(p.district()).map(District::name).orElse(null), f.park(), f.chain(),
                f.industry(), p.sector(), p.industrial(),
                f.constructionType(), f.projectType(),
                Decimals.canonical(f.totalInvestment()), Decimals.canonical(f.landArea()),
                Decimals.canonical(f.annualOutput()), Decimals.canonical(f.annualTax()),
                f.takesNewLand(), f.eiaCategory(), f.privateInvestment(),
                f.plannedStart(), f.plannedProduction(),
                f.signedOn(), Decimals.canonical(f.signedAmount()),
                p.stage(), p.stage().label(),
                p.declaredOn(), p.admittedOn(), p.startedOn(), p.productionOn(), p.withdrawnOn(),
                p.approvalCaseId(), p.approvalState(),
                p.leader(), p.taskForce(),
                p.version(), p.createdAt(), p.updatedAt());
    }
}
