package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A template's header row read into its columns, for every Excel import. */
final class HeaderColumns {

    private HeaderColumns() {
    }

    /**
     * Column index → template column, by the header each cell names ({@code byHeader}); a header no column knows goes
     * to {@code ignored}, the header text each known column was found under to {@code headers}. A column named twice
     * answers 400 {@code duplicate-column}.
     */
    static <C extends TemplateColumn> Map<Integer, C> read(Row header, Function<String, Optional<C>> byHeader,
                                                           Map<C, String> headers, List<String> ignored) {
        Map<Integer, C> columns = new LinkedHashMap<>();
        for (Cell cell : header) {
            String text = cell == null ? null : LedgerReader.headerText(cell);
            if (text == null) {
                continue;
            }
            C c = byHeader.apply(text).orElse(null);
            if (c == null) {
                ignored.add(text);
                continue;
            }
            String before = headers.putIfAbsent(c, text);
            if (before != null) {
                String detail = "列「" + c.header() + "」出现了两次：「" + before + "」和「" + text + "」";
                throw ApiException.badRequest(detail, List.of(new Violation(c.field(), "duplicate-column", detail,
                        text, c.header())));
            }
            columns.put(cell.getColumnIndex(), c);
        }
        return columns;
    }
}
