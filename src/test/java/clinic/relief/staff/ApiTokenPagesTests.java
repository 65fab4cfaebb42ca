package clinic.relief.staff;

import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner's API token page: issue (shown once), list, revoke; nobody else gets in. */
@ReliefTest
class ApiTokenPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerIssuesATokenThatIsShownOnceAndRevokesIt() throws Exception {
        String name = "Front desk tablet " + System.nanoTime();
        MvcResult issued = mvc.perform(post("/staff/api-tokens")
                        .with(csrf())
                        .with(owner())
                        .param("name", name)
                        .param("role", "FRONT_DESK"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("issued"))
                .andReturn();
        String token = (String) issued.getFlashMap().get("issued");
        assertThat(token).startsWith("rlf_");

        // Sessions live in the database (Spring Session JDBC): the cookie carries the flash to the next page.
        var session = issued.getResponse().getCookies();
        mvc.perform(get("/staff/api-tokens").with(owner()).cookie(session))
                .andExpect(content().string(containsString(token)));
        mvc.perform(get("/staff/api-tokens").with(owner()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(token))));

        var id = jdbc.sql("select id from staff_api_token where name = :n")
                .param("n", name)
                .query(UUID.class)
                .single();
        mvc.perform(post("/staff/api-tokens/{id}/revoke", id).with(csrf()).with(owner()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select revoked_at is not null from staff_api_token where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aTokenWithoutANameShowsALocalizedFieldErrorAndIsNotIssued() throws Exception {
        int before = count();
        mvc.perform(post("/staff/api-tokens")
                        .with(csrf())
                        .with(owner())
                        .param("name", " ")
                        .param("role", "FRONT_DESK")
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Póngale un nombre al token.")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void frontDeskAndTherapistsCannotManageTokens() throws Exception {
        mvc.perform(get("/staff/api-tokens").with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/api-tokens")
                        .with(csrf())
                        .with(user("t@example.com").roles("THERAPIST"))
                        .param("name", "sneaky")
                        .param("role", "OWNER"))
                .andExpect(status().isForbidden());
    }

    private static RequestPostProcessor owner() {
        return user("owner@example.com").roles("OWNER");
    }

    private int count() {
        return jdbc.sql("select count(*) from staff_api_token")
                .query(Integer.class)
                .single();
    }
}
