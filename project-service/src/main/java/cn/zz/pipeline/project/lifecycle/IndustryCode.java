package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.platform.problem.Violation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 国民经济行业分类 GB/T 4754-2017 codes such as {@code C3851}: a section letter (门类) and 2 to 4 digits whose first
 * two are a division (大类) of that section. Also the one place that derives the three sectors (三次产业) and 工业.
 */
public final class IndustryCode {

    private static final Pattern FORMAT = Pattern.compile("[A-T]\\d{2,4}");

    /** Division range (大类) of each section (门类). */
    private static final Map<Character, int[]> DIVISIONS = Map.ofEntries(
            Map.entry('A', new int[] {1, 5}), Map.entry('B', new int[] {6, 12}), Map.entry('C', new int[] {13, 43}),
            Map.entry('D', new int[] {44, 46}), Map.entry('E', new int[] {47, 50}), Map.entry('F', new int[] {51, 52}),
            Map.entry('G', new int[] {53, 60}), Map.entry('H', new int[] {61, 62}), Map.entry('I', new int[] {63, 65}),
            Map.entry('J', new int[] {66, 69}), Map.entry('K', new int[] {70, 70}), Map.entry('L', new int[] {71, 72}),
            Map.entry('M', new int[] {73, 75}), Map.entry('N', new int[] {76, 79}), Map.entry('O', new int[] {80, 82}),
            Map.entry('P', new int[] {83, 83}), Map.entry('Q', new int[] {84, 85}), Map.entry('R', new int[] {86, 90}),
            Map.entry('S', new int[] {91, 97}), Map.entry('T', new int[] {98, 98}));

    private IndustryCode() {
    }

    public static Optional<Violation> check(String field, String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (!FORMAT.matcher(code).matches()) {
            return Optional.of(new Violation(field, "invalid-format",
                    "行业代码应为门类字母 A–T 加 2 至 4 位数字，如 C3851", code, FORMAT.pattern()));
        }
        int[] range = DIVISIONS.get(code.charAt(0));
        int division = division(code);
        if (division < range[0] || division > range[1]) {
            return Optional.of(new Violation(field, "division-mismatch",
                    String.format("门类 %c 的大类应在 %02d–%02d 之间", code.charAt(0), range[0], range[1]), code,
                    String.format("%c%02d-%c%02d", code.charAt(0), range[0], code.charAt(0), range[1])));
        }
        return Optional.empty();
    }

    /** 三次产业 by the statistics bureau's 2018 rule (in the events module, shared with every producer of snapshots). */
    public static Sector sector(String code) {
        return Sector.ofIndustry(code);
    }

    /** 工业: mining, manufacturing, utilities (sections B, C, D). */
    public static boolean industrial(String code) {
        return cn.zz.pipeline.events.Industry.industrial(code);
    }

    private static int division(String code) {
        return Integer.parseInt(code.substring(1, 3));
    }
}
