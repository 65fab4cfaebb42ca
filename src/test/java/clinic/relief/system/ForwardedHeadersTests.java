package clinic.relief.system;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no trusted proxy configured (the default), forwarded headers change nothing: the stored comment address and
 * the per-address comment limit use the connection's own address, and redirects never point at a forwarded host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "relief.blog.min-form-seconds=0s")
class ForwardedHeadersTests {

    static final String ARTICLE = "/blog/low-back-pain-five-muscles";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheConnectionsAddressNotAForwardedOne() throws Exception {
        String email = comment(new Visitor(port), "X-Forwarded-For", "203.0.113.7");

        assertThat(ipOf(email)).isEqualTo("127.0.0.1");
    }

    @Test
    void aForwardedAddressDoesNotDefeatThePerAddressCommentLimit() throws Exception {
        Visitor visitor = new Visitor(port);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            emails.add(comment(visitor, "X-Forwarded-For", "198.51.100." + i));
        }

        assertThat(emails).allSatisfy(email -> assertThat(ipOf(email)).isEqualTo("127.0.0.1"));
        assertThat(jdbc.sql("select count(*) from blog_comment where author_email in (:emails)"
                                + " and filter_reasons like '%rate-limit-ip%'")
                        .param("emails", emails)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void redirectsNeverPointAtAForwardedHost() throws Exception {
        Visitor visitor = new Visitor(port);

        HttpResponse<String> toSignIn = visitor.get(
                "/staff", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443");
        HttpResponse<String> afterComment = visitor.submit(
                ARTICLE,
                "#comment-form",
                Map.of("name", "Eve", "email", unique(), "body", "Hello", "website", ""),
                "X-Forwarded-Host",
                "evil.example");

        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(location(toSignIn))
                .contains("/staff/login")
                .doesNotContain("evil.example")
                .doesNotStartWith("https");
        assertThat(afterComment.statusCode()).isEqualTo(302);
        assertThat(location(afterComment)).contains("/blog/").doesNotContain("evil.example");
        assertThat(toSignIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    static String comment(Visitor visitor, String... headers) throws Exception {
        String email = unique();
        HttpResponse<String> posted = visitor.submit(
                ARTICLE,
                "#comment-form",
                Map.of("name", "Proxy Test", "email", email, "body", "Which muscle is it?", "website", ""),
                headers);
        assertThat(posted.statusCode()).isEqualTo(302);
        return email;
    }

    String ipOf(String email) {
        return jdbc.sql("select ip from blog_comment where author_email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String unique() {
        return "proxy-" + UUID.randomUUID() + "@example.com";
    }
}
