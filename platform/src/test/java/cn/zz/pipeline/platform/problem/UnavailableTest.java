package cn.zz.pipeline.platform.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that is down is a 503 with Retry-After; a fault of the code or of the data stays a 500. */
class UnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedConnectionWrappedByHibernateAndJpaIsUnavailable() {
        PSQLException refused = new PSQLException("Connection to localhost:5432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        Throwable e = new PersistenceException(new JDBCConnectionException("could not open connection", refused));

        Response response = mappers.unexpected(e, null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type().toString()).endsWith("dependency-unavailable");
        assertThat(problem.detail()).doesNotContain("PSQLException", "Hibernate");
    }

    @Test
    void theServerShuttingDownAndThePoolTimingOutAreUnavailable() {
        assertThat(Unavailable.dependencyDown(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Unavailable.dependencyDown(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(Unavailable.dependencyDown(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(Unavailable.dependencyDown(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
    }

    @Test
    void aBrokenRuleOrABugStaysAnInternalError() {
        assertThat(Unavailable.dependencyDown(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Unavailable.dependencyDown(new SQLException("no state"))).isFalse();
        assertThat(Unavailable.dependencyDown(new IllegalStateException("bug"))).isFalse();

        Response response = mappers.unexpected(new PersistenceException(new SQLException("duplicate key", "23505")), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void anyOther503SaysWhenToComeBack() {
        Response response = mappers.api(new ApiException(503, "object-store-unavailable", "对象存储不可用",
                "资料文件存储暂时不可用", null), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }
}
