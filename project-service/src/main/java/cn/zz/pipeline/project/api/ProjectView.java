package cn.zz.pipeline.project.api;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.project.config.Districts;
import cn.zz.pipeline.project.domain.ApprovalState;
import cn.zz.pipeline.project.model.Project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project as the API shows it (field names per DESIGN.md; labels beside codes for display). */
public record ProjectView(
        UUID id, String code, String name, String ownerName, String ownerCreditCode,
        String district, String districtName, String park, String chain,
        String industry, Sector sector, boolean industrial,
        ConstructionType constructionType, String projectType,
        BigDecimal totalInvestment, BigDecimal landArea, BigDecimal annualOutput, BigDecimal annualTax,
        boolean takesNewLand, EiaCategory eiaCategory, boolean privateInvestment,
        LocalDate plannedStart, LocalDate plannedProduction,
        Stage stage, String stageLabel,
        LocalDate declaredOn, LocalDate admittedOn, LocalDate startedOn, LocalDate productionOn, LocalDate withdrawnOn,
        UUID approvalCaseId, ApprovalState approvalState,
        String leader, List<String> taskForce,
        long version, Instant createdAt, Instant updatedAt) {

    public static ProjectView of(Project p, Districts districts) {
        return new ProjectView(p.id(), p.code(), p.name(), p.ownerName(), p.ownerCreditCode(),
                p.district(), districts.name(p.district()), p.park(), p.chain(),
                p.industry(), p.sector(), p.industrial(),
                p.constructionType(), p.projectType(),
                Decimals.canonical(p.totalInvestment()), Decimals.canonical(p.landArea()),
                Decimals.canonical(p.annualOutput()), Decimals.canonical(p.annualTax()),
                p.takesNewLand(), p.eiaCategory(), p.privateInvestment(),
                p.plannedStart(), p.plannedProduction(),
                p.stage(), p.stage().label(),
                p.declaredOn(), p.admittedOn(), p.startedOn(), p.productionOn(), p.withdrawnOn(),
                p.approvalCaseId(), p.approvalState(),
                p.leader(), p.taskForce(),
                p.version(), p.createdAt(), p.updatedAt());
    }
}
