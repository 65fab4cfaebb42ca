package clinic.relief.system;

import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Recognises a request that found no free database connection in time (the pool's connection timeout passed): the
 * app is overloaded, not broken, so the answer is 503 with Retry-After rather than 500.
 */
final class Overload {

    static final String RETRY_AFTER_SECONDS = "5";

    private Overload() {}

    static boolean isPoolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
