package clinic.relief.system;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import clinic.relief.ReliefApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-setup database keeps its data in its folder: what was written before a restart is there after it. */
class DataFolderRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossARestart() {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(JdbcClient.class)
                    .sql(
                            "insert into login_throttle (username_key, failures, first_failed_at) values ('kept', 3, :now)")
                    .param("now", first.getBean(Clock.class).instant().atOffset(ZoneOffset.UTC))
                    .update();
        }

        try (ConfigurableApplicationContext second = start()) {
            Integer failures = second.getBean(JdbcClient.class)
                    .sql("select failures from login_throttle where username_key = 'kept'")
                    .query(Integer.class)
                    .single();
            assertThat(failures).isEqualTo(3);
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReliefApplication.class)
                .run(
                        "--relief.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        // a production start: the profile's placeholder EIN would stop it
                        "--relief.clinic.billing.tax-id=95-1234567");
    }
}
