package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.Codes;
import cn.zz.pipeline.platform.problem.Violation;

import java.util.Optional;

/** 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters, the last one a check character. */
public final class CreditCode {

    /** The code's alphabet: digits and upper-case letters without I, O, S, V, Z. */
    public static final String ALPHABET = Codes.CREDIT_ALPHABET;

    private CreditCode() {
    }

    /** Check character for the first 17 characters: (31 − Σ value·weight mod 31) mod 31. */
    public static char checkCharacter(String first17) {
        return Codes.creditCodeCheck(first17);
    }

    /** The problem with {@code code} (expected upper case), if any. */
    public static Optional<Violation> check(String field, String code) {
        if (code == null) {
            return Optional.empty(); // presence is bean validation's business
        }
        if (code.length() != 18 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.of(new Violation(field, "invalid-format",
                    "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）", code, "GB 32100-2015"));
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of(new Violation(field, "check-character",
                    "统一社会信用代码校验位错误，应为 " + expected, code, String.valueOf(expected)));
        }
        return Optional.empty();
    }
}
