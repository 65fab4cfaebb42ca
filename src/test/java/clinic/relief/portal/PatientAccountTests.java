package clinic.relief.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Patients' accounts: sign-up, confirmation by link and password, sign-in, the throttle, and the role walls. */
@ReliefTest
class PatientAccountTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Patients patients;

    @Test
    void signInWorksOnlyAfterTheLinkAndPasswordConfirmTheAddress() throws Exception {
        String email = "pat-" + UUID.randomUUID() + "@example.com";
        mvc.perform(signUp(email, PASSWORD, PASSWORD)).andExpect(redirectedUrl("/account/check-email"));
        assertThat(jdbc.sql("select password_hash from patient_account where email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}");

        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account/login?error"));

        String token = token(email);
        mvc.perform(get("/account/verify").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));
        mvc.perform(post("/account/verify").with(csrf()).param("token", token).param("password", "not the one at all"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not the password")));
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account/login?error"));

        mvc.perform(post("/account/verify").with(csrf()).param("token", token).param("password", PASSWORD))
                .andExpect(redirectedUrl("/account/login?confirmed"));
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account"));
        assertThat(patients.findByEmail(email)).isPresent();

        mvc.perform(post("/account/verify").with(csrf()).param("token", token).param("password", PASSWORD))
                .andExpect(status().isGone());
    }

    @Test
    void aConfirmedAccountJoinsTheExistingPatientWithThatEmail() throws Exception {
        String email = "known-" + UUID.randomUUID() + "@example.com";
        UUID existing = patients.findOrCreate(new NewPatient("Kim", "Known", null, email, null, "en"))
                .id();
        PortalFixture.account(mvc, jdbc, email, PASSWORD);

        assertThat(jdbc.sql("select patient_id from patient_account where email = :e")
                        .param("e", email)
                        .query(UUID.class)
                        .single())
                .isEqualTo(existing);
    }

    @Test
    void signUpWithAKnownAddressAnswersAndWorksAsForANewOneAndTellsOnlyTheOwner() throws Exception {
        String known = "known-" + UUID.randomUUID() + "@example.com";
        PortalFixture.account(mvc, jdbc, known, PASSWORD);
        String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
        int queuedForKnown = kindsQueued(known).size();

        MvcResult forKnown = mvc.perform(signUp(known, "another long password", "another long password"))
                .andReturn();
        MvcResult forFresh = mvc.perform(signUp(fresh, "another long password", "another long password"))
                .andReturn();

        // The same answer: status, target, and no body that could differ.
        assertThat(forKnown.getResponse().getStatus())
                .isEqualTo(forFresh.getResponse().getStatus());
        assertThat(forKnown.getResponse().getRedirectedUrl())
                .isEqualTo(forFresh.getResponse().getRedirectedUrl())
                .isEqualTo("/account/check-email");
        assertThat(forKnown.getResponse().getContentAsString())
                .isEqualTo(forFresh.getResponse().getContentAsString());
        // The same work: one e-mail queued through the outbox each (the owner of the known address learns of it).
        List<String> knownQueued = kindsQueued(known);
        assertThat(knownQueued.subList(queuedForKnown, knownQueued.size())).containsExactly("ACCOUNT_EXISTS");
        assertThat(kindsQueued(fresh)).containsExactly("VERIFY_ACCOUNT");
        String mail = jdbc.sql(
                        "select subject || body from booking_outbox where recipient = :e and kind = 'ACCOUNT_EXISTS'")
                .param("e", known)
                .query(String.class)
                .single();
        assertThat(mail).contains("/account/login").doesNotContain("another long password");
        // The known account is untouched: its own password still signs in.
        mvc.perform(signIn(known, PASSWORD)).andExpect(redirectedUrl("/account"));
    }

    private List<String> kindsQueued(String email) {
        return jdbc.sql("select kind from booking_outbox where recipient = :e order by created_at")
                .param("e", email)
                .query(String.class)
                .list();
    }

    @Test
    void aRelativeWithTheSamePhoneAndLastNameKeepsTheirOwnRecord() throws Exception {
        UUID relative = patients.findOrCreate(new NewPatient(
                        "Rita", "Portal", "310 555 0123", "rita-" + UUID.randomUUID() + "@example.com", null, "en"))
                .id();
        String email = "pat-" + UUID.randomUUID() + "@example.com";
        mvc.perform(signUp(email, PASSWORD, PASSWORD));
        mvc.perform(post("/account/verify")
                .with(csrf())
                .param("token", token(email))
                .param("password", PASSWORD));

        assertThat(jdbc.sql("select patient_id from patient_account where email = :e")
                        .param("e", email)
                        .query(UUID.class)
                        .single())
                .isNotEqualTo(relative);
        assertThat(patients.get(relative).firstName()).isEqualTo("Rita");
    }

    @Test
    void refusesWeakOrMistypedPasswordsWithLocalizedMessages() throws Exception {
        String email = "weak-" + UUID.randomUUID() + "@example.com";
        mvc.perform(signUp(email, "short", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12 to 128 characters")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(signUp(email, PASSWORD, PASSWORD + "x").param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no coinciden")));
        mvc.perform(signUp(email, email, email))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("e-mail address as the password")));
        assertThat(jdbc.sql("select count(*) from patient_account where email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void pausesSignInAfterFiveFailures() throws Exception {
        String email = "tries-" + UUID.randomUUID() + "@example.com";
        PortalFixture.account(mvc, jdbc, email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(email, "wrong password " + i)).andExpect(redirectedUrl("/account/login?error"));
        }
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account/login?error"));
    }

    @Test
    void countsThirtyParallelWrongPasswordsAsFiveChecksAndRefusesTheRest() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        PortalFixture.account(mvc, jdbc, email, PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> redirects = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String guess = "wrong password " + i;
                redirects.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(signIn(email, guess))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl();
                }));
            }
            start.countDown();
            for (Future<String> redirect : redirects) {
                assertThat(redirect.get()).isEqualTo("/account/login?error");
            }
        } finally {
            pool.shutdown();
        }

        // Each attempt claims its place before its password is checked; paused ones claim nothing.
        assertThat(jdbc.sql("select failures from login_throttle where username_key = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account/login?error"));
    }

    @Test
    void forgedLinksAreAClear404() throws Exception {
        mvc.perform(get("/account/verify").param("token", "forged"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link does not work")));
    }

    @Test
    void patientsNeverReachStaffPagesAndStaffDoNotOpenThePortal() throws Exception {
        mvc.perform(get("/staff").with(user("p@example.com").roles("PATIENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/booking").with(user("p@example.com").roles("PATIENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox").with(user("p@example.com").roles("PATIENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/booking/appointments/" + UUID.randomUUID())
                        .with(user("p@example.com").roles("PATIENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account")).andExpect(redirectedUrl("/account/login"));
    }

    private MockHttpServletRequestBuilder signUp(String email, String password, String again) {
        return post("/account/signup")
                .with(csrf())
                .param("firstName", "Pat")
                .param("lastName", "Portal")
                .param("phone", "310 555 0123")
                .param("email", email)
                .param("password", password)
                .param("passwordAgain", again);
    }

    static MockHttpServletRequestBuilder signIn(String email, String password) {
        return post("/account/login").with(csrf()).param("email", email).param("password", password);
    }

    private String token(String email) {
        return PortalFixture.token(jdbc, email, "VERIFY_ACCOUNT");
    }
}
