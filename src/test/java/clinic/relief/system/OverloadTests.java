package clinic.relief.system;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that found no free database connection in time gets 503 with Retry-After, not 500. */
class OverloadTests {

    private final ApiProblems problems = new ApiProblems(new StaticMessageSource() {
        {
            setUseCodeAsDefaultMessage(true);
        }
    });

    @Test
    void aPoolTimeoutInsideATransactionStartIsA503ProblemWithRetryAfter() {
        var timeout = new CannotCreateTransactionException(
                "Could not open JDBC Connection",
                new SQLTransientConnectionException("relief - Connection is not available, request timed out"));

        var response = problems.unexpected(timeout);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(Overload.RETRY_AFTER_SECONDS);
        assertThat(response.getBody().getTitle()).isEqualTo("problem.busy.title");
    }

    @Test
    void aPoolTimeoutOfAPlainQueryIsRecognised() {
        assertThat(Overload.isPoolExhausted(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLTransientConnectionException("timed out"))))
                .isTrue();
    }

    @Test
    void otherFailuresStay500() {
        assertThat(Overload.isPoolExhausted(new DataAccessResourceFailureException("disk full")))
                .isFalse();
        assertThat(problems.unexpected(new IllegalStateException("bug"))
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }
}
