package cn.zz.pipeline.reporting.ledger;

/**
 * One column of a ledger sheet: the Chinese header, how its cells are formatted and its width (in characters).
 */
public record Column(String header, Format format, double width) {

    public enum Format {
        TEXT(null),
        /** 万元 amounts. */
        AMOUNT("#,##0.00"),
        /** A fraction shown as a percentage (0.125 → 12.5%). */
        RATE("0.0%"),
        INTEGER("0"),
        DATE("yyyy-mm-dd"),
        DATE_TIME("yyyy-mm-dd hh:mm");

        private final String numberFormat;

        Format(String numberFormat) {
            this.numberFormat = numberFormat;
        }

        /** Excel number format, null for the default. */
        public String numberFormat() {
            return numberFormat;
        }
    }

    public static Column text(String header, double width) {
        return new Column(header, Format.TEXT, width);
    }

    public static Column amount(String header) {
        return new Column(header, Format.AMOUNT, 16);
    }

    public static Column date(String header) {
        return new Column(header, Format.DATE, 12);
    }
}
