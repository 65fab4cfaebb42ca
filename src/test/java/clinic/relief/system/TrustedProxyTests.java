package clinic.relief.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** From a configured trusted proxy (here the test's own 127.0.0.1), forwarded headers are honoured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {"relief.blog.min-form-seconds=0s", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class TrustedProxyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheClientAddressTheTrustedProxyForwarded() throws Exception {
        String email = ForwardedHeadersTests.comment(new Visitor(port), "X-Forwarded-For", "203.0.113.7");

        assertThat(jdbc.sql("select ip from blog_comment where author_email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .isEqualTo("203.0.113.7");
    }

    @Test
    void usesTheHostAndSchemeTheTrustedProxyForwarded() throws Exception {
        HttpResponse<String> toSignIn = new Visitor(port)
                .get(
                        "/staff",
                        "X-Forwarded-Host",
                        "clinic.example",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Port",
                        "443");

        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(ForwardedHeadersTests.location(toSignIn)).isIn("https://clinic.example/staff/login", "/staff/login");
        assertThat(toSignIn.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
