package clinic.relief.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL asks every connection for the password kept in the data folder. */
class EmbeddedPostgresPasswordTests {

    @TempDir
    Path dataDir;

    @Test
    void refusesConnectionsWithoutThePasswordAndAcceptsTheAppsOwn() throws Exception {
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, false)) {
            int port = postgres.getPort();
            String password = Files.readString(dataDir.resolve("db-password"), StandardCharsets.US_ASCII);

            assertRefused(port, null);
            assertRefused(port, "not-the-password");
            assertRefused(port, "");
            assertThat(select1(port, password)).isEqualTo(1);
            try (HikariDataSource app = new EmbeddedPostgresConfiguration().dataSource(postgres, 2)) {
                assertThat(JdbcClient.create(app)
                                .sql("select current_user")
                                .query(String.class)
                                .single())
                        .isEqualTo("postgres");
            }
        }
    }

    @Test
    void keepsAStrongPasswordOnlyItsOwnerMayReadAndNoTrustOrSocket() throws Exception {
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, false)) {
            Path file = dataDir.resolve("db-password");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(file)).matches("[A-Za-z0-9_-]{43}");
            String hba = Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf"));
            assertThat(hba).doesNotContain("trust").contains("scram-sha-256");
            assertThat(JdbcClient.create(postgres.getPostgresDatabase())
                            .sql("select current_setting('unix_socket_directories')")
                            .query(String.class)
                            .single())
                    .isEmpty();
        }
    }

    @Test
    void keepsThePasswordAcrossRestarts() throws Exception {
        try (EmbeddedPostgres first = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, false)) {
            JdbcClient.create(first.getPostgresDatabase())
                    .sql("create table kept (n int)")
                    .update();
        }
        String password = Files.readString(dataDir.resolve("db-password"));

        try (EmbeddedPostgres second = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, false)) {
            assertThat(Files.readString(dataDir.resolve("db-password"))).isEqualTo(password);
            assertThat(select1(second.getPort(), password)).isEqualTo(1);
            assertRefused(second.getPort(), null);
        }
    }

    @Test
    void upgradesADataFolderFromAnEarlierVersionThatTrustedEveryone() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        // What earlier versions made: the library's defaults, trust for every local connection, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .start()) {
            assertThat(select1(old.getPort(), null)).isEqualTo(1);
            JdbcClient.create(old.getPostgresDatabase())
                    .sql("create table health_record (allergies text); insert into health_record values ('latex')")
                    .update();
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");
        assertThat(dataDir.resolve("db-password")).doesNotExist();

        try (EmbeddedPostgres upgraded = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, false)) {
            int port = upgraded.getPort();
            String password = Files.readString(dataDir.resolve("db-password"));

            assertRefused(port, null);
            assertRefused(port, "not-the-password");
            assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(JdbcClient.create(upgraded.getPostgresDatabase())
                            .sql("select allergies from health_record")
                            .query(String.class)
                            .single())
                    .isEqualTo("latex");
            assertThat(select1(port, password)).isEqualTo(1);
        }
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> select1(port, password))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
    }

    private static int select1(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection =
                DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties)) {
            var result = connection.createStatement().executeQuery("select 1");
            result.next();
            return result.getInt(1);
        }
    }
}
