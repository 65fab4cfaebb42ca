package clinic.relief.blog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import clinic.relief.ReliefTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole comment path with Akismet configured, against a local server speaking its protocol: spam answers go to
 * the spam folder, a slow or broken service holds the comment (never loses it), and moderators' decisions flow back.
 */
@ReliefTest
class AkismetScreeningTests {

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVER = start();

    @DynamicPropertySource
    static void akismet(DynamicPropertyRegistry registry) {
        registry.add("relief.blog.akismet.key", () -> "test-key");
        registry.add(
                "relief.blog.akismet.endpoint",
                () -> "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/1.1/");
        // Wide enough for a cold first call on a loaded machine (400 ms was not, under a load average of 30).
        registry.add("relief.blog.akismet.timeout", () -> "2s");
        registry.add("relief.blog.min-form-seconds", () -> "0s");
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimeTrap timeTrap;

    @Test
    void sendsWhatAkismetCallsSpamToTheSpamFolder() throws Exception {
        String email = comment("viagra-test-123", "Cheap pills here");

        assertThat(field(email, "status")).isEqualTo("SPAM");
        assertThat(field(email, "filter_reasons")).contains("akismet:spam");
    }

    @Test
    void holdsTheCommentWhenAkismetIsTooSlowOrBroken() throws Exception {
        String slow = comment("slow", "Does this help with sciatica?");
        String broken = comment("broken", "Does this help with neck pain?");

        assertThat(field(slow, "status")).isEqualTo("PENDING");
        assertThat(field(slow, "filter_reasons")).contains("akismet:unavailable");
        assertThat(field(broken, "filter_reasons")).contains("akismet:unavailable");
    }

    @Test
    void reportsAModeratorsSpamDecisionToAkismet() throws Exception {
        String email = comment("Quiet Bot", "Nice blog, visit my page");
        String id = field(email, "id");

        mvc.perform(post("/staff/blog/comments/decide")
                        .param("ids", id)
                        .param("action", "SPAM")
                        .param("queue", "PENDING")
                        .with(csrf())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().is3xxRedirection());

        assertThat(CALLS).contains("submit-spam");
        assertThat(jdbc.sql("select filter_said from blog_moderation_log where comment_id = cast(:id as uuid)")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("first-time");
    }

    private String comment(String author, String body) throws Exception {
        String email = BlogCommentsTests.unique("akismet");
        String slug = BlogCommentsTests.SLUG;
        mvc.perform(post("/blog/" + slug + "/comments")
                        .param("name", author)
                        .param("email", email)
                        .param("body", body)
                        .param("trap", timeTrap.issue(slug))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        return email;
    }

    private String field(String email, String column) {
        return jdbc.sql("select cast(" + column + " as varchar) from blog_comment where author_email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/1.1/", AkismetScreeningTests::answer);
            // One thread per exchange, so the slow answer never queues the next test's call behind it.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String verb = exchange.getRequestURI().getPath().substring("/1.1/".length());
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        CALLS.add(verb);
        String body = "false";
        int status = 200;
        if (form.contains("comment_author=viagra-test-123")) {
            body = "true";
        } else if (form.contains("comment_author=slow")) {
            sleep();
        } else if (form.contains("comment_author=broken")) {
            status = 500;
            body = "oops";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
