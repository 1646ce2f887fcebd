package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.jdbc.Sql;

import java.util.List;

/**
 * One ledger: its columns, the query of its rows (in ledger order) and of their count, the record its query selects
 * (bound by column name) and how a selected record becomes a ledger row.
 *
 * @param <S> what the query selects, one component per column
 * @param <R> the ledger row: the JSON item and the sheet's cells
 */
public interface LedgerDefinition<S extends Record, R extends LedgerRow> {

    List<Column> columns();

    /** Every row of the ledger, ordered; a page appends limit/offset. */
    Sql select(LedgerFilter filter);

    Sql count(LedgerFilter filter);

    Class<S> selected();

    R row(S selected, RowContext context);
}
