package clinic.relief.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Makes the embedded PostgreSQL ask every connection for the superuser's password. A data folder created by this
 * version is made so by {@code initdb} itself; a folder from an earlier version, whose {@code pg_hba.conf} trusted
 * every local connection, is upgraded at start: the password from {@link DatabasePassword} is set, the file is
 * rewritten to {@link #HBA} and the server reloads it. The check runs at every start, so a file someone loosened is
 * tightened again.
 */
final class EmbeddedPostgresLockdown {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLockdown.class);

    /** Password (SCRAM-SHA-256) for every connection; there is no Unix socket (the server is started without one). */
    static final String HBA = """
            # Written by Relief at every start: every connection needs the password in <data folder>/db-password.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private EmbeddedPostgresLockdown() {}

    /** Sets the password and the strict {@code pg_hba.conf} on a running server whose file is not {@link #HBA}. */
    static void secure(EmbeddedPostgres postgres, Path pgData, String password) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        SingleConnectionDataSource connection = new SingleConnectionDataSource(connect(postgres), true);
        try {
            lock(JdbcClient.create(connection), pgData, hba, password);
        } finally {
            connection.destroy();
        }
        log.info("Embedded PostgreSQL in {} now asks every connection for the password in db-password", pgData);
    }

    private static void lock(JdbcClient jdbc, Path pgData, Path hba, String password) throws IOException {
        // ALTER ROLE takes no bind parameter: the password travels as a parameter into a session setting, and the
        // server quotes it into the statement itself (%L), so no statement text is ever put together here.
        jdbc.sql("select set_config('relief.superuser_password', :password, false)")
                .param("password", password)
                .query(String.class)
                .single();
        jdbc.sql("""
                        do $$ begin
                            set local password_encryption = 'scram-sha-256';
                            execute format('alter role postgres password %L',
                                    current_setting('relief.superuser_password'));
                        end $$
                        """).update();
        Path written = pgData.resolve("pg_hba.conf.new");
        Files.writeString(written, HBA, StandardCharsets.UTF_8);
        DatabasePassword.restrictToOwner(written);
        Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
    }

    private static Connection connect(EmbeddedPostgres postgres) throws IOException {
        try {
            return postgres.getPostgresDatabase().getConnection();
        } catch (SQLException e) {
            throw new IOException("Cannot connect to the embedded PostgreSQL to set its password", e);
        }
    }
}
