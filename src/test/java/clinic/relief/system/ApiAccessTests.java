package clinic.relief.system;

import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.staff.ApiTokens;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON API's doors: a token passes the same rules as a signed-in member of its role, a request that carries no
 * one is a 401 problem (never the HTML sign-in page), a refused one a 403 problem, and token answers carry the same
 * security headers as pages.
 */
@ReliefTest
class ApiAccessTests {

    private static final String WAITLIST_JOIN = """
            {"service": "swedish", "minutes": 60, "firstDay": "2026-12-20", "lastDay": "2026-12-21"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTherapistTokenReachesTheWaitlistNoMoreThanASignedInTherapist() throws Exception {
        String token = token(StaffRole.THERAPIST);
        int before = waitlistRows();

        for (MockHttpServletRequestBuilder request : waitlistCalls()) {
            mvc.perform(request.header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(403));
        }
        for (MockHttpServletRequestBuilder request : waitlistCalls()) {
            mvc.perform(request.with(user("therapist@example.com").roles("THERAPIST"))
                            .with(csrf()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(waitlistRows()).isEqualTo(before);
    }

    @Test
    void aFrontDeskTokenReachesWhatASignedInFrontDeskDoes() throws Exception {
        String token = token(StaffRole.FRONT_DESK);

        mvc.perform(get("/api/waitlist")
                        .param("patientId", UUID.randomUUID().toString())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().is(not(oneOf(401, 403))));
        mvc.perform(get("/api/booking/appointments/{id}", UUID.randomUUID()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
    }

    @Test
    void anApiCallWithoutATokenIsA401ProblemNotTheSignInPage() throws Exception {
        for (MockHttpServletRequestBuilder request : waitlistCalls()) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andExpect(header().doesNotExist("Location"))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.title").value("Sign in, or send a valid API token"));
        }
        mvc.perform(get("/api/booking/appointments/{id}", UUID.randomUUID()).header("Accept-Language", "es"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Inicie sesión o envíe un token de la API válido"));
        mvc.perform(get("/api/waitlist").header("Authorization", "Bearer rlf_no-such-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void tokenAnswersCarryTheSameSecurityHeadersAsPages() throws Exception {
        String token = token(StaffRole.FRONT_DESK);

        mvc.perform(get("/api/booking/services").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(get("/api/booking/services").header("Authorization", "Bearer rlf_no-such-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void aMethodNotAllowedNamesTheMethodsThatAre() throws Exception {
        mvc.perform(delete("/api/service-area"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/services").with(csrf()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")));
    }

    @Test
    void anAddressNothingServesIsStillA404() throws Exception {
        mvc.perform(get("/api/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/staff/no-such-page").with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/css/site.css")).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder[] waitlistCalls() {
        return new MockHttpServletRequestBuilder[] {
            get("/api/waitlist").param("patientId", UUID.randomUUID().toString()),
            post("/api/waitlist")
                    .param("patientId", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(WAITLIST_JOIN),
            delete("/api/waitlist/{id}", UUID.randomUUID())
        };
    }

    private String token(StaffRole role) {
        return tokens.issue("API access test " + role, role, "owner@example.com")
                .token();
    }

    private int waitlistRows() {
        return jdbc.sql("select count(*) from booking_waitlist")
                .query(Integer.class)
                .single();
    }
}
