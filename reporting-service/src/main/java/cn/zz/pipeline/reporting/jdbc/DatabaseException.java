package cn.zz.pipeline.reporting.jdbc;

import java.sql.SQLException;

/** A query or statement that failed; unchecked, so that report code is not about JDBC. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
