package clinic.relief.staff;

import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class StaffSignInTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInWithTheRightPassword() throws Exception {
        String email = newAccount(StaffRole.FRONT_DESK);

        mvc.perform(formLogin("/staff/login").userParameter("email").user(email).password(PASSWORD))
                .andExpect(authenticated().withRoles("FRONT_DESK"))
                .andExpect(redirectedUrl("/staff"));
    }

    @Test
    void refusesAWrongPasswordWithTheGenericMessage() throws Exception {
        String email = newAccount(StaffRole.THERAPIST);

        mvc.perform(formLogin("/staff/login").userParameter("email").user(email).password("wrong password!"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/staff/login?error"));
    }

    @Test
    void pausesSignInAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        String email = newAccount(StaffRole.OWNER);
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(formLogin("/staff/login")
                            .userParameter("email")
                            .user(email)
                            .password("guess " + attempt))
                    .andExpect(unauthenticated());
        }

        mvc.perform(formLogin("/staff/login").userParameter("email").user(email).password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/staff/login?error"));
    }

    @Test
    void countsFailuresForUnknownNamesTooSoAPauseRevealsNothing() throws Exception {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(
                    formLogin("/staff/login").userParameter("email").user(email).password("guess"));
        }

        Integer failures = jdbc.sql("select failures from login_throttle where username_key = :key")
                .param("key", email)
                .query(Integer.class)
                .single();
        assertThat(failures).isEqualTo(5);
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() throws Exception {
        String email = newAccount(StaffRole.FRONT_DESK);
        for (int attempt = 0; attempt < 3; attempt++) {
            mvc.perform(
                    formLogin("/staff/login").userParameter("email").user(email).password("guess"));
        }
        mvc.perform(formLogin("/staff/login").userParameter("email").user(email).password(PASSWORD))
                .andExpect(authenticated());

        assertThat(jdbc.sql("select count(*) from login_throttle where username_key = :key")
                        .param("key", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesASignInWithoutCsrfToken() throws Exception {
        String email = newAccount(StaffRole.OWNER);

        mvc.perform(post("/staff/login").param("email", email).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void sendsVisitorsOfStaffPagesToSignIn() throws Exception {
        mvc.perform(get("/staff")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/staff/login"));
    }

    @Test
    void storesPasswordsOnlyAsModernHashes() {
        String email = newAccount(StaffRole.THERAPIST);

        String hash = jdbc.sql("select password_hash from staff_account where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    @Test
    void signsOutWithAPost() throws Exception {
        mvc.perform(post("/staff/logout").with(csrf())).andExpect(redirectedUrl("/?signedOut"));
    }

    private String newAccount(StaffRole role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(email, "Test " + role, role, PASSWORD, null, null, null, null, false));
        return email;
    }
}
