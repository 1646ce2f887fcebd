package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.milestones.ImportedPlan;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's milestone columns: 目标开工日期 (the target start a plan is generated from) and the dates of nodes
 * already completed, each bound to its node code: 立项日期 → PROJECT_FILING, 拿地日期 → LAND, 施工许可日期 →
 * CONSTRUCTION_PERMIT.
 */
final class LedgerMilestones {

    /** Column → the node it completes. */
    static final Map<LedgerColumn, String> NODES = new EnumMap<>(Map.of(
            LedgerColumn.FILING_DATE, "PROJECT_FILING",
            LedgerColumn.LAND_DATE, "LAND",
            LedgerColumn.CONSTRUCTION_PERMIT_DATE, "CONSTRUCTION_PERMIT"));

    private LedgerMilestones() {
    }

    /** A row's plan from its read cells (column → value); empty when it has none. */
    static ImportedPlan of(Map<LedgerColumn, Object> values) {
        Map<String, LocalDate> done = new LinkedHashMap<>();
        NODES.forEach((column, node) -> {
            if (values.get(column) instanceof LocalDate d) {
                done.put(node, d);
            }
        });
        return new ImportedPlan((LocalDate) values.get(LedgerColumn.TARGET_START), done);
    }

    /** The column of a milestone rule's field: {@code targetStart} or a node's code. */
    static Optional<LedgerColumn> column(String field) {
        if (LedgerColumn.TARGET_START.field().equals(field)) {
            return Optional.of(LedgerColumn.TARGET_START);
        }
        return NODES.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst();
    }
}
