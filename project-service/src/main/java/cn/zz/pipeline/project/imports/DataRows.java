package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import org.dhatim.fastexcel.reader.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** The data rows below a template's header, for every Excel import: blank rows skipped, the row limit enforced. */
final class DataRows {

    private DataRows() {
    }

    /**
     * Parses the rows left in {@code rows}; {@code parse} answers null for a row to skip.
     *
     * @param what the sheet as a message names it (台账, 年度计划表)
     * @throws ApiException 413 for more than {@code maxRows} data rows, 400 {@code no-data-rows} for none
     */
    static <R> List<R> read(Iterator<Row> rows, int maxRows, Row header, String what, Function<Row, R> parse) {
        List<R> out = new ArrayList<>();
        while (rows.hasNext()) {
            R parsed = parse.apply(rows.next());
            if (parsed == null) {
                continue;
            }
            if (out.size() >= maxRows) {
                throw new ApiException(413, "too-many-rows", "行数过多 Too many rows",
                        what + "最多 " + maxRows + " 行数据，请拆分成多个文件导入 (at most " + maxRows
                                + " data rows per file)",
                        List.of(new Violation("file", "too-many-rows", "数据行超过 " + maxRows + " 行", null, maxRows)));
            }
            out.add(parsed);
        }
        if (out.isEmpty()) {
            throw noData(what + "没有数据行（表头在第 " + header.getRowNum() + " 行）(no data rows)");
        }
        return out;
    }

    static ApiException noData(String detail) {
        return ApiException.badRequest(detail, List.of(new Violation("file", "no-data-rows", detail, null, null)));
    }
}
