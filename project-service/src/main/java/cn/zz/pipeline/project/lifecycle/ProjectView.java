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
@Schema(name = "ProjectView", description = "项目 (a project as the API shows it)")
public record ProjectView(
        @Schema(required = true, description = "项目 ID (project id)") UUID id,
        @Schema(required = true, description = "项目代码 (project code: year-district-industry-type-serial with a"
                + " check character)", example = "2026-410106-37-01-00017X") String code,
        @Schema(required = true, description = "项目名称 (name)", example = "上街通航零部件制造基地") String name,
        @Schema(required = true, description = "项目单位 (owner)", example = "郑州上街通用航空科技有限公司")
        String ownerName,
        @Schema(required = true, description = "统一社会信用代码 (the owner's unified social credit code)",
                example = "91410100MA44R8XK0H") String ownerCreditCode,
        @Schema(required = true, description = "区县代码 (district code)", example = "410106") String district,
        @Schema(required = true, description = "区县名称 (district name)", example = "上街区") String districtName,
        @Schema(description = "所在园区 (park)", example = "上街通航产业园") String park,
        @Schema(description = "产业链 (industry chain)", example = "通用航空") String chain,
        @Schema(required = true, description = "国民经济行业分类代码 (GB/T 4754 industry code)", example = "C3741")
        String industry,
        @Schema(required = true, description = "三次产业 (sector, from the industry code)") Sector sector,
        @Schema(required = true, description = "是否工业项目 (an industrial project: industry B, C or D)")
        boolean industrial,
        @Schema(required = true, description = "建设性质 (construction type)") ConstructionType constructionType,
        @Schema(required = true, description = "项目类型 (project type): 01 基本建设, 02 技术改造, 03 单纯购置,"
                + " 04 信息化, 99 其他", enumeration = {"01", "02", "03", "04", "99"}) String projectType,
        @Schema(required = true, description = "总投资，万元 (total investment, 10,000 yuan)", example = "80000")
        BigDecimal totalInvestment,
        @Schema(description = "用地面积，亩 (land area, mu)", example = "150") BigDecimal landArea,
        @Schema(required = true, description = "预计年产值，万元 (expected annual output, 10,000 yuan)",
                example = "120000") BigDecimal annualOutput,
        @Schema(description = "预计年税收，万元 (expected annual tax, 10,000 yuan)", example = "6000")
        BigDecimal annualTax,
        @Schema(required = true, description = "是否新增用地 (takes new land)") boolean takesNewLand,
        @Schema(description = "环评类别 (EIA category)") EiaCategory eiaCategory,
        @Schema(required = true, description = "是否民间投资 (private investment)") boolean privateInvestment,
        @Schema(required = true, format = "date", description = "计划开工日期 (planned start)") LocalDate plannedStart,
        @Schema(format = "date", description = "计划投产日期 (planned production)") LocalDate plannedProduction,
        @Schema(nullable = true, format = "date", description = "签约日期 (date the investment agreement was signed)")
        LocalDate signedOn,
        @Schema(description = "签约金额，万元 (signed amount, 10,000 yuan)") BigDecimal signedAmount,
        @Schema(required = true, description = "阶段 (stage)") Stage stage,
        @Schema(required = true, description = "阶段名称 (stage label)", example = "储备") String stageLabel,
        @Schema(format = "date", description = "申报日期 (declared on)") LocalDate declaredOn,
        @Schema(format = "date", description = "入库日期 (admitted on)") LocalDate admittedOn,
        @Schema(format = "date", description = "开工日期 (started on)") LocalDate startedOn,
        @Schema(format = "date", description = "投产日期 (in production on)") LocalDate productionOn,
        @Schema(format = "date", description = "撤销日期 (withdrawn on)") LocalDate withdrawnOn,
        @Schema(description = "当前并联审批案件 ID (the current approval case)") UUID approvalCaseId,
        @Schema(description = "并联审批状态 (approval state): OPEN 审批中, APPROVED 已批准, REJECTED 不予批准")
        ApprovalState approvalState,
        @Schema(description = "分包领导 (leader in charge)", example = "王副区长") String leader,
        @Schema(required = true, description = "专班成员 (task force), empty when none") List<String> taskForce,
        @Schema(required = true, description = "版本，每次修改加一；即 ETag (version, the ETag)", example = "3")
        long version,
        @Schema(required = true, format = "date-time", description = "登记时间 (registered at)") Instant createdAt,
        @Schema(required = true, format = "date-time", description = "最后修改时间 (last changed at)")
        Instant updatedAt) {

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
