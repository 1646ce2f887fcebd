package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.PlausibleDate;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The facts of a project: what {@code POST /api/projects} registers, what a ledger row or a historical import
 * brings, and the state a merge patch must lead to. Field rules here (bean validation) plus the domain checks in
 * {@link FactRules}; both run in the service, so an importer gets the same answers as the API.
 *
 * <p>park (园区) and chain (产业链) are optional; annualOutput and plannedStart are required because the v1 event
 * contract ({@code projectSnapshot} in events/schemas/common.json) requires them in every snapshot.
 *
 * @param totalInvestment 万元, > 0, at most 4 decimals
 * @param landArea 亩, > 0, null when the project takes no land
 * @param annualOutput expected annual output, 万元
 * @param annualTax expected annual tax, 万元
 * @param projectType 01 基本建设, 02 技术改造, 03 单纯购置, 04 信息化, 99 其他
 * @param signedOn 签约日期 (the investment agreement, 三个一批's SIGN list), nullable, not in the future
 *     ({@link FactRules})
 * @param signedAmount 签约金额, 万元, nullable; needs {@code signedOn}
 */
@Schema(name = "ProjectFacts", description = "项目信息 (a project's facts: registration, and the merge patch's members)")
public record ProjectFacts(
        @Schema(description = "项目名称 (name)", example = "上街通航零部件制造基地")
        @NotBlank @Size(max = 200) @PlainText String name,
        @Schema(description = "项目单位 (owner)", example = "郑州上街通用航空科技有限公司")
        @NotBlank @Size(max = 200) @PlainText String ownerName,
        @Schema(description = "统一社会信用代码，18 位含校验位 (unified social credit code, 18 characters with its check"
                + " character)", example = "91410100MA44R8XK0H")
        @NotBlank String ownerCreditCode,
        @Schema(description = "区县代码，6 位，须为郑州市的区县 (district code of a Zhengzhou district)",
                example = "410106")
        @NotBlank String district,
        @Schema(description = "所在园区 (park)", example = "上街通航产业园")
        @Size(max = 100) @PlainText String park,
        @Schema(description = "产业链 (industry chain)", example = "通用航空")
        @Size(max = 50) @PlainText String chain,
        @Schema(description = "国民经济行业分类代码 GB/T 4754，门类字母加 2-4 位数字 (industry code)", example = "C3741")
        @NotBlank String industry,
        @Schema(description = "建设性质 (construction type)")
        @NotNull ConstructionType constructionType,
        @Schema(description = "项目类型 (project type): 01 基本建设, 02 技术改造, 03 单纯购置, 04 信息化, 99 其他",
                enumeration = {"01", "02", "03", "04", "99"}, example = "01")
        @NotNull @Pattern(regexp = "01|02|03|04|99") String projectType,
        @Schema(description = "总投资，万元，大于 0，至多 4 位小数 (total investment, 10,000 yuan)", example = "80000")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 4) BigDecimal totalInvestment,
        @Schema(description = "用地面积，亩 (land area, mu)", example = "150")
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 4) BigDecimal landArea,
        @Schema(description = "预计年产值，万元 (expected annual output, 10,000 yuan)", example = "120000")
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal annualOutput,
        @Schema(description = "预计年税收，万元 (expected annual tax, 10,000 yuan)", example = "6000")
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal annualTax,
        @Schema(description = "是否新增用地 (takes new land)")
        @NotNull Boolean takesNewLand,
        @Schema(description = "环评类别 (EIA category)")
        EiaCategory eiaCategory,
        @Schema(description = "是否民间投资 (private investment)")
        @NotNull Boolean privateInvestment,
        @Schema(format = "date", description = "计划开工日期 (planned start)", example = "2027-04-01")
        @NotNull @PlausibleDate LocalDate plannedStart,
        @Schema(format = "date", description = "计划投产日期 (planned production)", example = "2028-12-31")
        @PlausibleDate LocalDate plannedProduction,
        @Schema(nullable = true, format = "date", example = "2026-11-18",
                description = "签约日期 (date the investment agreement was signed), not in the future")
        @PlausibleDate LocalDate signedOn,
        @Schema(nullable = true, example = "65000", description = "签约金额，万元 (signed amount, 10,000 yuan): 0 to "
                + ProjectFacts.MAX_SIGNED_AMOUNT + ", at most 4 decimals; needs signedOn")
        @DecimalMin("0") @DecimalMax(ProjectFacts.MAX_SIGNED_AMOUNT) @Digits(integer = 14, fraction = 4)
        BigDecimal signedAmount) {

    /** 签约金额 above 1万亿元 (10^8 万元) is a typing error (yuan typed as 万元), not an agreement. */
    public static final String MAX_SIGNED_AMOUNT = "100000000";

    /** Facts without a signed agreement (签约): what a ledger row brings. */
    public ProjectFacts(String name, String ownerName, String ownerCreditCode, String district, String park,
                        String chain, String industry, ConstructionType constructionType, String projectType,
                        BigDecimal totalInvestment, BigDecimal landArea, BigDecimal annualOutput, BigDecimal annualTax,
                        Boolean takesNewLand, EiaCategory eiaCategory, Boolean privateInvestment,
                        LocalDate plannedStart, LocalDate plannedProduction) {
        this(name, ownerName, ownerCreditCode, district, park, chain, industry, constructionType, projectType,
                totalInvestment, landArea, annualOutput, annualTax, takesNewLand, eiaCategory, privateInvestment,
                plannedStart, plannedProduction, null, null);
    }

    public ProjectFacts {
        name = Text.trim(name);
        ownerName = Text.trim(ownerName);
        ownerCreditCode = Text.code(ownerCreditCode);
        district = Text.trim(district);
        park = Text.trim(park);
        chain = Text.trim(chain);
        industry = Text.code(industry);
        projectType = Text.trim(projectType);
    }

    /** The editable facts (all but the district) by JSON name, in the order of the event snapshot. */
    private static final Map<String, Function<ProjectFacts, Object>> EDITABLE = editable();

    /** JSON names of the editable facts, in snapshot order: what a merge patch may change. */
    public static final List<String> EDITABLE_NAMES = List.copyOf(EDITABLE.keySet());

    /** JSON names of the editable facts that differ from {@code before}, in snapshot order (amounts by value). */
    public List<String> changesFrom(ProjectFacts before) {
        List<String> changed = new ArrayList<>();
        EDITABLE.forEach((name, fact) -> {
            Object was = fact.apply(before);
            Object is = fact.apply(this);
            boolean same = was instanceof BigDecimal a && is instanceof BigDecimal b ? a.compareTo(b) == 0
                    : Objects.equals(was, is);
            if (!same) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static Map<String, Function<ProjectFacts, Object>> editable() {
        Map<String, Function<ProjectFacts, Object>> m = new LinkedHashMap<>();
        m.put("name", ProjectFacts::name);
        m.put("ownerName", ProjectFacts::ownerName);
        m.put("ownerCreditCode", ProjectFacts::ownerCreditCode);
        m.put("park", ProjectFacts::park);
        m.put("chain", ProjectFacts::chain);
        m.put("industry", ProjectFacts::industry);
        m.put("constructionType", ProjectFacts::constructionType);
        m.put("projectType", ProjectFacts::projectType);
        m.put("totalInvestment", ProjectFacts::totalInvestment);
        m.put("landArea", ProjectFacts::landArea);
        m.put("annualOutput", ProjectFacts::annualOutput);
        m.put("annualTax", ProjectFacts::annualTax);
        m.put("takesNewLand", ProjectFacts::takesNewLand);
        m.put("eiaCategory", ProjectFacts::eiaCategory);
        m.put("privateInvestment", ProjectFacts::privateInvestment);
        m.put("plannedStart", ProjectFacts::plannedStart);
        m.put("plannedProduction", ProjectFacts::plannedProduction);
        m.put("signedOn", ProjectFacts::signedOn);
        m.put("signedAmount", ProjectFacts::signedAmount);
        return Collections.unmodifiableMap(m);
    }
}
