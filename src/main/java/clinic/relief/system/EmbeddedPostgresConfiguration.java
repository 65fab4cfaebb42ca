package clinic.relief.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from the application when no server is configured, so that a fresh clone runs with no
 * set-up. Its data folder ({@code relief.data-dir}, {@code ./data} by default) is kept between runs. Setting
 * {@code spring.datasource.url} switches this off and Boot connects to that server instead.
 * <p>
 * The embedded server is made durable: the library starts PostgreSQL with {@code fsync} and {@code synchronous_commit}
 * off, which suits throwaway test data but could lose committed bookings or corrupt the folder when the machine loses
 * power. Both are switched back on unless {@code relief.embedded-postgres.durable=false} (the tests' profile).
 * <p>
 * It asks every connection for a password: generated at the first start into {@code <data folder>/db-password}
 * (owner-only; {@link DatabasePassword}), SCRAM-SHA-256 for every line of {@code pg_hba.conf}, no Unix socket. A
 * data folder from an earlier version, which trusted every local connection, is upgraded at start
 * ({@link EmbeddedPostgresLockdown}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${relief.data-dir:./data}") Path dataDir,
            @Value("${relief.embedded-postgres.durable:true}") boolean durable)
            throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        Path pgData = data.resolve("postgres");
        Files.createDirectories(pgData);
        String password = DatabasePassword.readOrCreate(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Stopped by this bean's close, after everything that uses the database has shut down. The library's
                // own JVM shutdown hook stopped PostgreSQL while the application was still shutting down, and the
                // event registry then waited the pool's 30 s for a connection on every stop.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                // No Unix socket: the library's default folder is /tmp, open to every local user. TCP on localhost
                // only, with the password (see EmbeddedPostgresLockdown.HBA).
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password);
        if (!Files.exists(pgData.resolve("postgresql.conf"))) {
            // A new folder: the library runs initdb with "-A trust" followed by these options, and initdb takes the
            // last method given, so the server never starts trusting anyone; its password comes from the file.
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", DatabasePassword.file(data).toString());
        }
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresLockdown.secure(postgres, pgData, password);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * The pool connects through the server's own data source, which carries the password it was started with (the
     * data folder is not looked up again: in tests its name holds a random part that differs at every lookup).
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgres postgres, @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDataSource(postgres.getPostgresDatabase());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("relief-embedded");
        return dataSource;
    }

    static class NoDataSourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
