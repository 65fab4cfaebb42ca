package clinic.relief.blog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff write articles: drafts stay private, scheduled ones wait for their time, the front desk cannot publish. */
@ReliefTest
class ArticleEditorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void writers() {
        staff.createOrUpdate(new NewStaffMember(
                "writer@clinic.example",
                "Wendy Writer",
                StaffRole.THERAPIST,
                "long enough password",
                null,
                null,
                null,
                null,
                false));
        staff.createOrUpdate(new NewStaffMember(
                "colleague@clinic.example",
                "Carla Colleague",
                StaffRole.THERAPIST,
                "long enough password",
                null,
                null,
                null,
                null,
                false));
        staff.createOrUpdate(new NewStaffMember(
                "boss@clinic.example",
                "Olga Owner",
                StaffRole.OWNER,
                "long enough password",
                null,
                null,
                null,
                null,
                false));
        staff.createOrUpdate(new NewStaffMember(
                "desk@clinic.example",
                "Dan Desk",
                StaffRole.FRONT_DESK,
                "long enough password",
                null,
                null,
                null,
                null,
                false));
    }

    @Test
    void keepsADraftPrivateUntilItIsPublished() throws Exception {
        mvc.perform(save("writer@clinic.example", "a-draft-article", "DRAFT", null))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/blog/a-draft-article")).andExpect(status().isNotFound());

        mvc.perform(save("writer@clinic.example", "a-draft-article", "PUBLISHED", null)
                        .param("id", idOf("a-draft-article")))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/blog/a-draft-article"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<h2>Heading</h2>").contains("/pain-finder?regions=calf_L");
    }

    @Test
    void keepsAScheduledArticleHiddenUntilItsTime() throws Exception {
        mvc.perform(save(
                        "writer@clinic.example",
                        "a-future-article",
                        "SCHEDULED",
                        LocalDateTime.ofInstant(clock.instant(), ZoneId.of("America/Los_Angeles"))
                                .plusYears(5)
                                .withNano(0)
                                .toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/blog/a-future-article")).andExpect(status().isNotFound());
    }

    @Test
    void answersAnUnknownArticleWithNotFound() throws Exception {
        mvc.perform(get("/blog/no-such-article").param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("We could not find that page")));
        mvc.perform(get("/staff/blog/articles/" + UUID.randomUUID())
                        .with(user("writer@clinic.example").roles("THERAPIST")))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesToLetTheFrontDeskPublish() throws Exception {
        mvc.perform(save("desk@clinic.example", "desk-article", "PUBLISHED", null))
                .andExpect(status().isForbidden());
    }

    @Test
    void letsOnlyTheAuthorOrTheOwnerRewriteOrUnpublishAnArticle() throws Exception {
        mvc.perform(save("writer@clinic.example", "wendys-article", "PUBLISHED", null))
                .andExpect(status().is3xxRedirection());
        String id = idOf("wendys-article");

        mvc.perform(save("colleague@clinic.example", "wendys-article", "DRAFT", null)
                        .param("id", id))
                .andExpect(status().isForbidden());
        assertThat(statusAndTitle("wendys-article")).isEqualTo("PUBLISHED Draft title");

        mvc.perform(save("boss@clinic.example", "wendys-article", "DRAFT", null).param("id", id))
                .andExpect(status().is3xxRedirection());
        assertThat(statusAndTitle("wendys-article")).isEqualTo("DRAFT Draft title");
        assertThat(jdbc.sql("""
                                select a.author_id = s.id from blog_article a, staff_account s
                                where a.slug = 'wendys-article' and s.email = 'writer@clinic.example'""").query(Boolean.class).single()).isTrue();
    }

    @Test
    void explainsWhatIsWrongWithTheForm() throws Exception {
        String page = mvc.perform(save("writer@clinic.example", "Bad Slug!", "SCHEDULED", null)
                        .param("coverImage", "/img/blog/neck.svg")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("single hyphens")
                .contains("needs a publication time")
                .contains("Describe the cover image");
    }

    private String statusAndTitle(String slug) {
        return jdbc.sql("select status || ' ' || title from blog_article where slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .single();
    }

    private String idOf(String slug) {
        return jdbc.sql("select cast(id as varchar) from blog_article where slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .single();
    }

    private static MockHttpServletRequestBuilder save(String email, String slug, String status, String publishAt) {
        MockHttpServletRequestBuilder request = post("/staff/blog/articles")
                .param("slug", slug)
                .param("language", "en")
                .param("title", "Draft title")
                .param("summary", "A summary")
                .param("markdown", "## Heading\n\nText")
                .param("tags", "calf, legs")
                .param("regions", "calf_L")
                .param("status", status)
                .with(csrf())
                .with(user(email)
                        .roles(
                                email.startsWith("desk")
                                        ? "FRONT_DESK"
                                        : email.startsWith("boss") ? "OWNER" : "THERAPIST"));
        return publishAt == null ? request : request.param("publishAt", publishAt);
    }
}
