package clinic.relief.system;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresDurabilityTests {

    @TempDir
    Path dataDir;

    @Test
    void theAppsEmbeddedServerFlushesEveryCommitToDisk() throws Exception {
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, true)) {
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());

            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void throwawayTestDataMaySkipTheFlush() throws Exception {
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, false)) {
            assertThat(setting(JdbcClient.create(postgres.getPostgresDatabase()), "fsync"))
                    .isEqualTo("off");
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select current_setting(:name)")
                .param("name", name)
                .query(String.class)
                .single();
    }
}
