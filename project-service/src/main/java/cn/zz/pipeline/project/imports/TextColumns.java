package cn.zz.pipeline.project.imports;

import org.dhatim.fastexcel.Worksheet;

/**
 * The code columns of the templates this service hands out are text columns (number format {@value #TEXT}): a code
 * typed or pasted as values into them stays the characters typed. In a General or number cell Excel turns a code made
 * only of digits into a number, keeps 15 significant digits and drops leading zeros (the long-number trap). Both the
 * column's default style and the first {@value #ROWS} rows below the header are set, so the format holds for Excel
 * and for programs that honour only cell styles.
 */
final class TextColumns {

    /** Excel's built-in "Text" number format. */
    static final String TEXT = "@";
    /** Empty rows below the header that carry the text format themselves. */
    static final int ROWS = 200;

    private TextColumns() {
    }

    /** Makes {@code column} a text column below the header row {@code headerRow} (0-based). */
    static void format(Worksheet ws, int column, int headerRow) {
        ws.style(column).format(TEXT).set();
        for (int r = headerRow + 1; r <= headerRow + ROWS; r++) {
            ws.style(r, column).format(TEXT).set();
        }
    }
}
