package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.jdbc.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** One ledger: its columns, the query of its rows (in ledger order) and of their count, and the row mapping. */
public interface LedgerDefinition<R extends LedgerRow> {

    List<Column> columns();

    /** Every row of the ledger, ordered; a page appends limit/offset. */
    Sql select(LedgerFilter filter);

    Sql count(LedgerFilter filter);

    R read(ResultSet rs, RowContext context) throws SQLException;
}
