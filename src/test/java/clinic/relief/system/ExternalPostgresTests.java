package clinic.relief.system;

import java.util.Map;

import clinic.relief.ReliefApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: the app boots against a PostgreSQL server given by {@code spring.datasource.*}, migrates it
 * and serves pages, without starting an embedded database. CI sets {@code RELIEF_TEST_EXTERNAL_PG_URL} (and
 * {@code _USER}, {@code _PASSWORD}) to a server it started.
 */
@EnabledIfEnvironmentVariable(named = "RELIEF_TEST_EXTERNAL_PG_URL", matches = ".+")
class ExternalPostgresTests {

    @Test
    void bootsMigratesAndServesOnAPostgresServer() {
        Map<String, String> env = System.getenv();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReliefApplication.class)
                .run(
                        "--server.port=0",
                        "--relief.clinic.billing.tax-id=95-1234567",
                        "--spring.datasource.url=" + env.get("RELIEF_TEST_EXTERNAL_PG_URL"),
                        "--spring.datasource.username=" + env.getOrDefault("RELIEF_TEST_EXTERNAL_PG_USER", "relief"),
                        "--spring.datasource.password=" + env.getOrDefault("RELIEF_TEST_EXTERNAL_PG_PASSWORD", ""))) {
            assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            String version = app.getBean(JdbcClient.class)
                    .sql("select version()")
                    .query(String.class)
                    .single();
            assertThat(version).startsWith("PostgreSQL");
            Integer tables = app.getBean(JdbcClient.class)
                    .sql("select count(*) from information_schema.tables where table_name in "
                            + "('staff_account', 'spring_session', 'flyway_schema_history')")
                    .query(Integer.class)
                    .single();
            assertThat(tables).isEqualTo(3);

            String port = app.getEnvironment().getProperty("local.server.port");
            String home = RestClient.create()
                    .get()
                    .uri("http://localhost:" + port + "/")
                    .retrieve()
                    .body(String.class);
            assertThat(home).contains("Massage Revolution");
        }
    }
}
