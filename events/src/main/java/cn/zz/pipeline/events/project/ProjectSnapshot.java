package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a project at the time of an event, so consumers need nothing else. Not a payload by itself.
 *
 * @param industry GB/T 4754 code such as {@code C3851}
 * @param projectType 2-character code: 01 基本建设, 02 技术改造, 03 单纯购置, 04 信息化, 99 其他
 * @param totalInvestment 万元
 * @param landArea 亩, null when the project takes no land
 * @param annualOutput expected annual output, 万元
 * @param annualTax expected annual tax, 万元, nullable
 * @param eiaCategory nullable: no environmental impact assessment needed
 * @param plannedProduction nullable
 * @param leader the assigned leader (分包领导), nullable
 * @param taskForce members of the task force (专班), never null, possibly empty
 * @param signedOn 签约日期, nullable: the date the investment agreement was signed
 * @param signedAmount 签约金额 (万元), nullable
 */
public record ProjectSnapshot(
        UUID id,
        String code,
        String name,
        String ownerName,
        String ownerCreditCode,
        String district,
        String park,
        String chain,
        String industry,
        Sector sector,
        ConstructionType constructionType,
        String projectType,
        BigDecimal totalInvestment,
        BigDecimal landArea,
        BigDecimal annualOutput,
        BigDecimal annualTax,
        boolean takesNewLand,
        EiaCategory eiaCategory,
        boolean privateInvestment,
        LocalDate plannedStart,
        LocalDate plannedProduction,
        Stage stage,
        String leader,
        List<String> taskForce,
        LocalDate signedOn,
        BigDecimal signedAmount) {

    public ProjectSnapshot {
        signedAmount = Decimals.canonical(signedAmount);
        totalInvestment = Decimals.canonical(totalInvestment);
        landArea = Decimals.canonical(landArea);
        annualOutput = Decimals.canonical(annualOutput);
        annualTax = Decimals.canonical(annualTax);
        taskForce = taskForce == null ? List.of() : List.copyOf(taskForce);
    }

    /** A project without a signed agreement (签约). */
    public ProjectSnapshot(UUID id, String code, String name, String ownerName, String ownerCreditCode, String district,
                           String park, String chain, String industry, Sector sector,
                           ConstructionType constructionType, String projectType, BigDecimal totalInvestment,
                           BigDecimal landArea, BigDecimal annualOutput, BigDecimal annualTax, boolean takesNewLand,
                           EiaCategory eiaCategory, boolean privateInvestment, LocalDate plannedStart,
                           LocalDate plannedProduction, Stage stage, String leader, List<String> taskForce) {
        this(id, code, name, ownerName, ownerCreditCode, district, park, chain, industry, sector, constructionType,
                projectType, totalInvestment, landArea, annualOutput, annualTax, takesNewLand, eiaCategory,
                privateInvestment, plannedStart, plannedProduction, stage, leader, taskForce, null, null);
    }
}
