package clinic.relief.browser;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lighthouse (mobile: its default phone, network and CPU throttling) on the public pages of the running app, one run
 * each (three for a page whose first performance score is below the floor: the median counts), in Debian's Chromium, through the npm package {@code lighthouse} in {@code src/test/lighthouse} (installed
 * there by {@code npm ci}; {@code .ci/run} does it). Fails, not skips, when node, the package or Chromium is missing.
 * The figures of the last run are written to {@code target/lighthouse.json}.
 */
@ActiveProfiles({"test", "demo"})
// Its performance scores depend on the CPU: no other browser class runs in failsafe's other JVM meanwhile, nor starts
// its app.
@MachineShare.Alone
class LighthouseBrowserTests extends BrowserTest {

    private static final Path FOLDER = Path.of("src", "test", "lighthouse");

    @Test
    void publicPagesScoreWellOnAPhoneAndDoNotJump() throws Exception {
        List<String> pages = List.of(
                "/",
                "/pain-finder",
                painFinderResults(),
                "/book",
                "/blog",
                "/blog/dolor-lumbar-cinco-musculos?lang=es",
                "/account/login");
        JsonNode results = audit(pages);
        Files.writeString(Path.of("target", "lighthouse.json"), results.toString());

        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            JsonNode result = results.get(page);
            assertThat(result).as(page).isNotNull();
            boolean good = performance(page, result) >= 95
                    && result.get("accessibility").asInt() == 100
                    && result.get("seo").asInt() == 100
                    && result.get("cls").asDouble() < 0.05;
            if (!good) {
                problems.add(page + ": " + result);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The page's performance score: the first run's, or, when that one is below the floor, the median of three runs,
     * as Lighthouse's docs advise for a score that varies between runs (total blocking time moves with the load of a
     * shared machine; docs/benchmarks.md, "Lighthouse of the public pages").
     */
    private int performance(String page, JsonNode first) throws Exception {
        int score = first.get("performance").asInt();
        if (score >= 95) {
            return score;
        }
        List<Integer> scores = new ArrayList<>(List.of(score));
        for (int run = 0; run < 2; run++) {
            scores.add(audit(List.of(page)).get(page).get("performance").asInt());
        }
        Collections.sort(scores);
        return scores.get(1);
    }

    private JsonNode audit(List<String> pages) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "audit.mjs", url("")));
        command.addAll(pages);
        Process node = new ProcessBuilder(command)
                .directory(FOLDER.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(new File("target/lighthouse.log")))
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(4, TimeUnit.MINUTES)).as("Lighthouse finished").isTrue();
        assertThat(node.exitValue())
                .as("node audit.mjs exit (see target/lighthouse.log)")
                .isZero();
        return JsonMapper.builder().build().readTree(out);
    }

    /** The results page of a pain-finder assessment saved through the public API. */
    private String painFinderResults() throws Exception {
        HttpResponse<String> saved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/pain-finder")))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"regions\":[\"low_back_lateral_R\",\"iliac_crest_R\",\"hip_lateral_R\"],\"lang\":\"en\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(200);
        String location = saved.headers().firstValue("Content-Location").orElseThrow();
        return "/pain-finder/results/" + location.substring(location.lastIndexOf('/') + 1);
    }
}
