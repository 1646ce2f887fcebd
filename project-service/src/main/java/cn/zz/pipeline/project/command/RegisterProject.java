package cn.zz.pipeline.project.command;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The facts of a project: the body of {@code POST /api/projects}, and the state a merge patch must lead to. Field
 * rules here (bean validation) plus the domain checks in {@code FactRules}; both run in the service, so an importer
 * gets the same answers as the API.
 *
 * <p>park (园区) and chain (产业链) are optional; annualOutput and plannedStart are required because the v1 event
 * contract ({@code projectSnapshot} in events/schemas/common.json) requires them in every snapshot.
 *
 * @param totalInvestment 万元, > 0, at most 4 decimals
 * @param landArea 亩, > 0, null when the project takes no land
 * @param annualOutput expected annual output, 万元
 * @param annualTax expected annual tax, 万元
 * @param projectType 01 基本建设, 02 技术改造, 03 单纯购置, 04 信息化, 99 其他
 */
public record RegisterProject(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotBlank @Size(max = 200) @PlainText String ownerName,
        @NotBlank String ownerCreditCode,
        @NotBlank String district,
        @Size(max = 100) @PlainText String park,
        @Size(max = 50) @PlainText String chain,
        @NotBlank String industry,
        @NotNull ConstructionType constructionType,
        @NotNull @Pattern(regexp = "01|02|03|04|99") String projectType,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4) BigDecimal totalInvestment,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 4) BigDecimal landArea,
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal annualOutput,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal annualTax,
        @NotNull Boolean takesNewLand,
        EiaCategory eiaCategory,
        @NotNull Boolean privateInvestment,
        @NotNull @PlausibleDate LocalDate plannedStart,
        @PlausibleDate LocalDate plannedProduction) {

    public RegisterProject {
        name = Text.trim(name);
        ownerName = Text.trim(ownerName);
        ownerCreditCode = Text.code(ownerCreditCode);
        district = Text.trim(district);
        park = Text.trim(park);
        chain = Text.trim(chain);
        industry = Text.code(industry);
        projectType = Text.trim(projectType);
    }
}
