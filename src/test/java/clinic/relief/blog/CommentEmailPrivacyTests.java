package clinic.relief.blog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import clinic.relief.ReliefTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.DigestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Posts comments with distinctive emails (approved, pending, spam, replies), then crawls every public page, feed,
 * sitemap and API response reachable from the home page, in both languages, and finds none of the emails: not as
 * text, not in a mailto: link, not as an MD5 or SHA-256 avatar hash.
 */
@ReliefTest
@TestPropertySource(properties = "relief.blog.min-form-seconds=0s")
class CommentEmailPrivacyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimeTrap timeTrap;

    @Test
    void noCommentersEmailAppearsAnywhereOnThePublicSide() throws Exception {
        List<String> emails = List.of(
                "Privacy.Canary.One@leak-check.example",
                "canary-two@leak-check.example",
                "canary-three@leak-check.example");
        String slug = BlogCommentsTests.SLUG;
        for (String email : emails) {
            mvc.perform(post("/blog/" + slug + "/comments")
                    .param("name", "Canary")
                    .param("email", email)
                    .param("website", "https://canary.example")
                    .param("body", "Helpful article, thanks " + email.length())
                    .param("trap", timeTrap.issue(slug))
                    .with(csrf()));
        }
        String approved = jdbc.sql("select id from blog_comment where author_email = :e")
                .param("e", emails.get(0))
                .query(String.class)
                .single();
        mvc.perform(post("/staff/blog/comments/decide")
                .param("ids", approved)
                .param("action", "APPROVE")
                .param("queue", "PENDING")
                .with(csrf())
                .with(user("owner@example.com").roles("OWNER")));
        mvc.perform(post("/blog/" + slug + "/comments")
                .param("name", "Reply")
                .param("email", emails.get(1))
                .param("body", "Agreed!")
                .param("parentId", approved)
                .param("trap", timeTrap.issue(slug))
                .with(csrf()));

        Set<String> visited = crawl();

        assertThat(visited).contains("/blog/" + slug, "/blog/feed.atom", "/sitemap.xml", "/blog/privacy");
        assertThat(mvc.perform(get("/blog/" + slug)).andReturn().getResponse().getContentAsString())
                .contains("Helpful article");
    }

    private Set<String> crawl() throws Exception {
        Set<String> visited = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(
                "/",
                "/blog",
                "/blog/feed.atom",
                "/sitemap.xml",
                "/blog/feed.atom?lang=es",
                "/api/service-area?q=90277",
                "/blog?lang=es"));
        while (!queue.isEmpty() && visited.size() < 300) {
            String path = queue.poll();
            if (!visited.add(path)) {
                continue;
            }
            MockHttpServletResponse response =
                    mvc.perform(get(path)).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8).toLowerCase();
            assertThat(body)
                    .as(path)
                    .doesNotContain("leak-check.example")
                    .doesNotContain("mailto:canary")
                    .doesNotContain("privacy.canary");
            for (String header : response.getHeaderNames()) {
                assertThat(String.valueOf(response.getHeaderValues(header))).doesNotContain("leak-check");
            }
            for (String forbidden : hashes()) {
                assertThat(body).as(path).doesNotContain(forbidden);
            }
            if (response.getContentType() != null && response.getContentType().contains("html")) {
                Jsoup.parse(body, "http://localhost").select("a[href]").stream()
                        .map(a -> a.attr("href"))
                        .filter(h -> h.startsWith("/") && !h.startsWith("//"))
                        .filter(h -> !h.startsWith("/staff"))
                        .map(h -> h.replaceAll("#.*", ""))
                        .forEach(queue::add);
            }
            if (path.endsWith(".xml") || path.contains("feed.atom")) {
                Jsoup.parse(body).select("loc, link[href]").forEach(e -> {
                    String url = e.hasAttr("href") ? e.attr("href") : e.text();
                    queue.add(url.replaceFirst("^https?://[^/]+", ""));
                });
            }
        }
        return visited;
    }

    private Set<String> hashes;

    private Set<String> hashes() {
        if (hashes == null) {
            hashes = new HashSet<>();
            for (String email : List.of(
                    "privacy.canary.one@leak-check.example",
                    "canary-two@leak-check.example",
                    "canary-three@leak-check.example")) {
                hashes.add(DigestUtils.md5DigestAsHex(email.getBytes()));
                hashes.add(sha256(email));
            }
        }
        return hashes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
