package clinic.relief.blog;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import clinic.relief.ReliefTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Readers' comments end to end on the real database: screening, moderation, escaping, bad input. */
@ReliefTest
@TestPropertySource(properties = "relief.blog.min-form-seconds=0s")
class BlogCommentsTests {

    static final String SLUG = "low-back-pain-five-muscles";
    private static final AtomicInteger IP = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimeTrap timeTrap;

    @Test
    void holdsAFirstTimeCommentForModerationAndSaysSo() throws Exception {
        String email = unique("first");
        postComment(SLUG, "Ana", email, "Thank you, the part about the psoas explained my pain.")
                .andExpect(redirectedUrl("/blog/" + SLUG + "?comment=held#comment-status"));

        assertThat(statusOf(email)).isEqualTo("PENDING");
        assertThat(reasonsOf(email)).contains("first-time");
        String page = page("/blog/" + SLUG + "?comment=held&lang=en");
        assertThat(page).contains("awaiting moderation").doesNotContain("explained my pain");
    }

    @Test
    void showsACommentOnceStaffApproveItAndTrustsTheCommenterAfterwards() throws Exception {
        String email = unique("trusted");
        postComment(SLUG, "Berta", email, "Sitting all day makes mine worse.");
        UUID id = idOf(email);

        mvc.perform(post("/staff/blog/comments/decide")
                        .param("ids", id.toString())
                        .param("action", "APPROVE")
                        .param("queue", "PENDING")
                        .with(csrf())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/blog/" + SLUG)).contains("Sitting all day makes mine worse.");
        postComment(SLUG, "Berta", email, "Second visit: much better now.")
                .andExpect(redirectedUrl("/blog/" + SLUG + "?comment=shown#comment-status"));
        assertThat(page("/blog/" + SLUG)).contains("Second visit: much better now.");
        assertThat(jdbc.sql("select count(*) from blog_moderation_log l join blog_comment c on c.id = l.comment_id"
                                + " where c.author_email = :e and l.action = 'APPROVE'")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void storesScriptPayloadsAsTextAndShowsThemEscaped() throws Exception {
        String email = unique("xss");
        String payload =
                "<script>alert('x')</script><img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">y</a>";
        postComment(SLUG, "<b>Mallory</b>", email, payload);
        approve(email);

        String page = page("/blog/" + SLUG);
        assertThat(page)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<b>Mallory")
                .doesNotContain("<a href=\"javascript")
                .contains("&lt;script&gt;alert(")
                .contains("&lt;b&gt;Mallory&lt;/b&gt;");
        assertThat(jdbc.sql("select body from blog_comment where author_email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .isEqualTo(payload);
    }

    @Test
    void turnsAddressesIntoNofollowLinksAndHoldsTwoOrMoreLinks() throws Exception {
        String email = unique("links");
        postComment(SLUG, "Cleo", email, "See https://example.org/a and https://example.org/b");
        assertThat(reasonsOf(email)).contains("links:2");
        approve(email);

        assertThat(page("/blog/" + SLUG)).contains("<a href=\"https://example.org/a\" rel=\"nofollow ugc\">");
    }

    @Test
    void rejectsEmptyAndInvalidFieldsWithMessagesInTheReadersLanguage() throws Exception {
        String page = mvc.perform(comment(SLUG, "   ", "not-an-email", "   ", "javascript:alert(1)")
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Por favor, escriba su nombre.")
                .contains("escriba un correo válido")
                .contains("Por favor, escriba su comentario.")
                .contains("http:// o https://");
        assertThat(jdbc.sql("select count(*) from blog_comment where author_email = 'not-an-email'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesAnOverlongCommentWithAMessage() throws Exception {
        String page = mvc.perform(comment(SLUG, "Dora", unique("long"), "a".repeat(3001), "")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("under 3,000 characters");
    }

    @Test
    void answersAHundredKilobyteCommentWithAMessageNotAServerError() throws Exception {
        String email = unique("huge");
        String page = mvc.perform(
                        comment(SLUG, "Dora", email, "a".repeat(100 * 1024), "").param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("under 3,000 characters");
        assertThat(jdbc.sql("select count(*) from blog_comment where author_email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesARepliesToAPendingOrUnknownComment() throws Exception {
        String email = unique("parent");
        postComment(SLUG, "Eva", email, "A question about the QL.");
        UUID pending = idOf(email);

        for (String parent : List.of(pending.toString(), UUID.randomUUID().toString(), "not-a-uuid")) {
            String page = mvc.perform(comment(SLUG, "Finn", unique("reply"), "Same here.", "")
                            .param("parentId", parent)
                            .param("lang", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("cannot be replied to");
        }
    }

    @Test
    void sendsHoneypotAndForgedTimeTrapSubmissionsToTheSpamFolder() throws Exception {
        String honey = unique("honey");
        mvc.perform(comment(SLUG, "Bot", honey, "Great post", "").param("nickname", "bot"))
                .andExpect(redirectedUrl("/blog/" + SLUG + "?comment=held#comment-status"));
        String forged = unique("forged");
        mvc.perform(comment(SLUG, "Bot", forged, "Great post!", "").param("trap", "MTIzOmZvbw.forged"))
                .andExpect(status().is3xxRedirection());
        String otherArticle = unique("other");
        mvc.perform(comment(SLUG, "Bot", otherArticle, "Nice post", "")
                        .param("trap", timeTrap.issue("neck-pain-and-headaches")))
                .andExpect(status().is3xxRedirection());

        assertThat(statusOf(honey)).isEqualTo("SPAM");
        assertThat(reasonsOf(honey)).contains("honeypot");
        assertThat(reasonsOf(forged)).contains("time-trap-forged");
        assertThat(reasonsOf(otherArticle)).contains("time-trap-forged");
    }

    @Test
    void quietlySendsAFloodFromOneAddressToTheSpamFolder() throws Exception {
        String ip = "10.9.9." + IP.incrementAndGet();
        for (int i = 0; i < 12; i++) {
            mvc.perform(comment(SLUG, "Flood", unique("flood" + i), "Message number " + i, "")
                            .with(r -> {
                                r.setRemoteAddr(ip);
                                return r;
                            }))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select count(*) from blog_comment where ip = :ip and status = 'SPAM'"
                                + " and filter_reasons like '%rate-limit-ip%'")
                        .param("ip", ip)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    @WithMockUser(roles = "FRONT_DESK")
    void showsStaffThePendingQueueWithEmailsAndTheFilterReasons() throws Exception {
        String email = unique("queue");
        postComment(SLUG, "Gus", email, "Does the clinic take PPO plans?");

        String page = page("/staff/blog/comments?queue=PENDING");
        assertThat(page).contains(email).contains("first-time").containsPattern("class=\"badge\">[0-9]+ waiting");
    }

    @Test
    void staffCanEditACommentButNotPlantAScriptLink() throws Exception {
        String email = unique("edit");
        postComment(SLUG, "Hana", email, "Typo in here");
        approve(email);

        mvc.perform(post("/staff/blog/comments/" + idOf(email) + "/edit")
                        .param("name", "Hana")
                        .param("url", "javascript:alert(1)")
                        .param("body", "Fixed typo")
                        .param("queue", "APPROVED")
                        .with(csrf())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().is3xxRedirection());

        String page = page("/blog/" + SLUG);
        assertThat(page).contains("Fixed typo");
        assertThat(Jsoup.parse(page).select("a[href^=javascript], a[href^=JAVASCRIPT]"))
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from blog_moderation_log l join blog_comment c on c.id = l.comment_id"
                                + " where c.author_email = :e and l.action = 'EDIT'")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void publishesTheClinicsReplyUnderTheComment() throws Exception {
        String email = unique("answered");
        postComment(SLUG, "Iris", email, "Do you see people on Sundays?");
        approve(email);

        mvc.perform(post("/staff/blog/comments/" + idOf(email) + "/reply")
                        .param("body", "Yes, from 10 to 5.")
                        .param("queue", "APPROVED")
                        .with(csrf())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/blog/" + SLUG)).contains("Yes, from 10 to 5.");
    }

    private void approve(String email) throws Exception {
        mvc.perform(post("/staff/blog/comments/decide")
                        .param("ids", idOf(email).toString())
                        .param("action", "APPROVE")
                        .param("queue", "PENDING")
                        .with(csrf())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().is3xxRedirection());
    }

    ResultActions postComment(String slug, String name, String email, String body) throws Exception {
        return mvc.perform(comment(slug, name, email, body, ""));
    }

    MockHttpServletRequestBuilder comment(String slug, String name, String email, String body, String website) {
        String ip = "10.1." + (IP.incrementAndGet() / 250) + "." + (IP.get() % 250);
        return post("/blog/" + slug + "/comments")
                .param("name", name)
                .param("email", email)
                .param("body", body)
                .param("website", website)
                .param("trap", timeTrap.issue(slug))
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                });
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String statusOf(String email) {
        return jdbc.sql("select status from blog_comment where author_email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private String reasonsOf(String email) {
        return jdbc.sql("select filter_reasons from blog_comment where author_email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private UUID idOf(String email) {
        return jdbc.sql("select id from blog_comment where author_email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@reader.example";
    }
}
