package clinic.relief.blog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Akismet client against a local HTTP server that speaks Akismet's REST protocol. */
class AkismetClientTests {

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<String> verbs = new CopyOnWriteArrayList<>();
    private AkismetClient client;

    @BeforeEach
    void startFakeAkismet() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/1.1/", this::answer);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/");
        client = new AkismetClient(endpoint, "good-key", "https://clinic.example/", Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void verifiesAValidKeyAndRejectsAnInvalidOne() {
        assertThat(client.verifyKey()).isTrue();
        AkismetClient wrong = new AkismetClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/"),
                "bad-key",
                "https://clinic.example/",
                Duration.ofMillis(500));
        assertThat(wrong.verifyKey()).isFalse();
        assertThat(received.get(0)).containsEntry("key", "good-key").containsEntry("blog", "https://clinic.example/");
    }

    @Test
    void readsFalseAsHam() {
        assertThat(client.check(submission("Ana", "Nice article"))).isEqualTo(SpamCheck.Answer.HAM);
        assertThat(verbs).containsExactly("comment-check");
        assertThat(received.get(0))
                .containsEntry("api_key", "good-key")
                .containsEntry("user_ip", "203.0.113.7")
                .containsEntry("comment_type", "comment")
                .containsEntry("comment_author_email", "ana@reader.example")
                .containsEntry("comment_content", "Nice article")
                .containsEntry("blog_lang", "en")
                .containsEntry("honeypot_field_name", "nickname")
                .containsKey("comment_date_gmt");
    }

    @Test
    void readsTrueAsSpam() {
        assertThat(client.check(submission("viagra-test-123", "buy"))).isEqualTo(SpamCheck.Answer.SPAM);
    }

    @Test
    void readsTheDiscardProTipAsBlatantSpam() {
        assertThat(client.check(submission("discard-me", "buy now"))).isEqualTo(SpamCheck.Answer.DISCARD);
    }

    @Test
    void treatsAnErrorAnswerAsUnavailable() {
        assertThat(client.check(submission("error", "hello"))).isEqualTo(SpamCheck.Answer.UNAVAILABLE);
    }

    @Test
    void givesUpAfterTheTimeoutAndSaysUnavailable() {
        long start = System.nanoTime();
        assertThat(client.check(submission("slow", "hello"))).isEqualTo(SpamCheck.Answer.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void treatsAnUnreachableServiceAsUnavailable() {
        server.stop(0);
        assertThat(client.check(submission("Ana", "hello"))).isEqualTo(SpamCheck.Answer.UNAVAILABLE);
    }

    @Test
    void reportsModeratorsDecisionsAsSubmitSpamAndSubmitHam() {
        client.reportSpam(submission("Bot", "spam text"));
        client.reportHam(submission("Ana", "real text"));

        assertThat(verbs).containsExactly("submit-spam", "submit-ham");
        assertThat(received.get(1)).containsEntry("comment_content", "real text");
    }

    private static SpamCheck.Submission submission(String author, String content) {
        return new SpamCheck.Submission(
                "203.0.113.7",
                "Mozilla/5.0",
                null,
                "https://clinic.example/blog/x",
                "comment",
                author,
                "ana@reader.example",
                null,
                content,
                Instant.parse("2026-11-25T12:00:00Z"),
                "en");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String verb = exchange.getRequestURI().getPath().substring("/1.1/".length());
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean formEncoded = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .startsWith("application/x-www-form-urlencoded");
        verbs.add(verb);
        received.add(form);
        String body;
        switch (verb) {
            case "verify-key" -> body = "good-key".equals(form.get("key")) && formEncoded ? "valid" : "invalid";
            case "comment-check" -> body = check(exchange, form);
            case "submit-spam", "submit-ham" -> body = "Thanks for making the web a better place.";
            default -> body = "";
        }
        if (body == null) {
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String check(HttpExchange exchange, Map<String, String> form) {
        String author = form.getOrDefault("comment_author", "");
        switch (author) {
            case "viagra-test-123":
                return "true";
            case "discard-me":
                exchange.getResponseHeaders().add("X-akismet-pro-tip", "discard");
                return "true";
            case "error":
                exchange.getResponseHeaders().add("X-akismet-debug-help", "Empty \"blog\" value");
                return "Missing required field: blog.";
            case "slow":
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return "false";
            default:
                return "false";
        }
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
