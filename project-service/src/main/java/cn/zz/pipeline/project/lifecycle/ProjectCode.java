package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.Codes;
import cn.zz.pipeline.platform.problem.Violation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 项目代码 {@code YYYY-RRRRRR-DD-TT-NNNNNC}: year of registration, region, department, project type, a 5-digit
 * serial per (year, region) and a check character over the 19 digits before it (ISO 7064 MOD 11-2, as in the
 * citizen ID number: weights 2^(20−i) mod 11, 10 written as X).
 */
public final class ProjectCode {

    public static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{6}-\\d{2}-(01|02|03|04|99)-\\d{5}[0-9X]");
    public static final int MAX_SERIAL = 99_999;

    private ProjectCode() {
    }

    public static String of(int year, String region, String department, String projectType, int serial) {
        return Codes.projectCode(year, region, department, projectType, serial);
    }

    /** Check character over the digits of {@code body} (separators skipped); body must hold exactly 19 digits. */
    public static char checkCharacter(String body) {
        return Codes.projectCodeCheck(body);
    }

    public static Optional<Violation> check(String field, String code) {
        if (code == null || !FORMAT.matcher(code).matches()) {
            return Optional.of(new Violation(field, "invalid-format",
                    "项目代码格式应为 YYYY-RRRRRR-DD-TT-NNNNNC", code, "YYYY-RRRRRR-DD-TT-NNNNNC"));
        }
        char expected = checkCharacter(code.substring(0, code.length() - 1));
        if (code.charAt(code.length() - 1) != expected) {
            return Optional.of(new Violation(field, "check-character", "项目代码校验位错误，应为 " + expected, code,
                    String.valueOf(expected)));
        }
        return Optional.empty();
    }
}
