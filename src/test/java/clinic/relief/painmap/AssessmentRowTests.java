package clinic.relief.painmap;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentRowTests {

    @Test
    void embedsQueryAndResultJsonAsTheyAreAndQuotesTheShortTexts() {
        UUID id = UUID.fromString("2f6c0000-0000-4000-8000-000000000001");
        AssessmentRow row = new AssessmentRow(
                id,
                Instant.parse("2026-11-25T10:00:00.123456Z"),
                "2026.11.25",
                "kb \"quoted\" \\ v1",
                "{\"regions\":[\"coccyx\"]}",
                "{\"candidates\":[],\"note\":\"a \\\"b\\\"\"}");
        StringBuilder batch = new StringBuilder();
        row.appendJson(batch);

        JsonNode parsed = JsonMapper.builder().build().readTree(batch.toString());
        assertThat(parsed.get("id").asString()).isEqualTo(id.toString());
        assertThat(parsed.get("createdAt").asString()).isEqualTo("2026-11-25T10:00:00.123456Z");
        assertThat(parsed.get("knowledgeBaseVersion").asString()).isEqualTo("kb \"quoted\" \\ v1");
        assertThat(parsed.get("query").get("regions").get(0).asString()).isEqualTo("coccyx");
        assertThat(parsed.get("result").get("note").asString()).isEqualTo("a \"b\"");
    }
}
