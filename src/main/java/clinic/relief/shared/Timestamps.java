package clinic.relief.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as SQL statement parameters. */
public final class Timestamps {

    private Timestamps() {}

    /**
     * An instant as a statement parameter typed {@code timestamptz} ({@code null} stays {@code null}). A
     * {@link java.sql.Timestamp} goes to the driver untyped: PostgreSQL then has to describe the statement, and from
     * then on the driver sends a lone Sync (a wasted round trip) before each run of it that returns text columns.
     */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
