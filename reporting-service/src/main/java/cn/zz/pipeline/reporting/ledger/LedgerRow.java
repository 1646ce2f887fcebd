package cn.zz.pipeline.reporting.ledger;

import java.util.List;

/** One row of a ledger: its fields are the JSON item, {@link #cells()} the same row as spreadsheet cells. */
public interface LedgerRow {

    /** The values in the order of the ledger's columns (numbers, dates, text; null for an empty cell). */
    List<Object> cells();
}
