package cn.zz.pipeline.events;

/**
 * Check characters of the two codes that travel in every project snapshot, so that any producer of events (the
 * project service, the seed loader, the synthetic generator) writes codes the project service would accept.
 * project-service's {@code ProjectCode} and {@code CreditCode} add the field-level validation on top.
 */
public final class Codes {

    /** 统一社会信用代码 alphabet (GB 32100-2015): digits and upper-case letters without I, O, S, V, Z. */
    public static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Codes() {
    }

    /** 项目代码 {@code YYYY-RRRRRR-DD-TT-NNNNNC} with its check character. */
    public static String projectCode(int year, String region, String department, String projectType, int serial) {
        String body = String.format("%04d-%s-%s-%s-%05d", year, region, department, projectType, serial);
        return body + projectCodeCheck(body);
    }

    /**
     * ISO 7064 MOD 11-2 over the 19 digits of {@code body} (separators skipped), as in the citizen ID number:
     * weights 2^(20−i) mod 11, 10 written as X.
     */
    public static char projectCodeCheck(String body) {
        String digits = body.replace("-", "");
        if (digits.length() != 19 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a project code body has 19 digits: " + body);
        }
        int sum = 0;
        int weight = 1; // 2^0 for the 19th digit, doubling (mod 11) towards the first
        for (int i = 18; i >= 0; i--) {
            weight = weight * 2 % 11;
            sum += (digits.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** Check character of a credit code's first 17 characters: (31 − Σ value·weight mod 31) mod 31. */
    public static char creditCodeCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CREDIT_ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += value * CREDIT_WEIGHTS[i];
        }
        return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
