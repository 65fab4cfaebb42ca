package clinic.relief.portal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.VerificationToken;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static clinic.relief.portal.PatientAccountTests.PASSWORD;
import static clinic.relief.portal.PatientAccountTests.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Forgot password": a single-use, hashed, hour-long link by the outbox, and no hint of who has an account. */
@ReliefTest
class PasswordResetTests {

    static final String NEW_PASSWORD = "a brand new long password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aResetSignsTheAccountOutOfEveryOtherSession() throws Exception {
        String email = "sessions-" + UUID.randomUUID() + "@example.com";
        Cookie phone = PortalFixture.account(mvc, jdbc, email, PASSWORD);
        Cookie laptop =
                mvc.perform(signIn(email, PASSWORD)).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/account").cookie(phone)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(laptop)).andExpect(status().isOk());

        mvc.perform(forgot(email)).andExpect(redirectedUrl("/account/forgot?sent"));
        mvc.perform(reset(PortalFixture.token(jdbc, email, "PASSWORD_RESET"), NEW_PASSWORD, NEW_PASSWORD))
                .andExpect(redirectedUrl("/account/login?reset"));

        mvc.perform(get("/account").cookie(phone)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").cookie(laptop)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aSingleUseLinkSetsANewPassword() throws Exception {
        String email = account("en");
        mvc.perform(forgot(email)).andExpect(redirectedUrl("/account/forgot?sent"));
        String token = PortalFixture.token(jdbc, email, "PASSWORD_RESET");
        assertThat(jdbc.sql("select token_hash from patient_password_reset r join patient_account a"
                                + " on a.id = r.account_id where a.email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .isEqualTo(VerificationToken.hash(token))
                .isNotEqualTo(token);

        mvc.perform(get("/account/reset").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));
        mvc.perform(reset(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/account/login?reset"));
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account/login?error"));
        mvc.perform(signIn(email, NEW_PASSWORD)).andExpect(redirectedUrl("/account"));

        mvc.perform(reset(token, "yet another long password", "yet another long password"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("already used")))
                .andExpect(content().string(containsString("/account/forgot")));
        mvc.perform(signIn(email, NEW_PASSWORD)).andExpect(redirectedUrl("/account"));
    }

    @Test
    void theResetNeedsAPostWithItsCsrfToken() throws Exception {
        String email = account("en");
        mvc.perform(forgot(email));
        String token = PortalFixture.token(jdbc, email, "PASSWORD_RESET");

        mvc.perform(post("/account/reset")
                        .param("token", token)
                        .param("password", NEW_PASSWORD)
                        .param("passwordAgain", NEW_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account/reset").param("token", token).param("password", NEW_PASSWORD));

        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account"));
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswerAndNoEmail() throws Exception {
        String known = account("en");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

        String knownAnswer =
                mvc.perform(forgot(known)).andReturn().getResponse().getRedirectedUrl();
        String unknownAnswer =
                mvc.perform(forgot(unknown)).andReturn().getResponse().getRedirectedUrl();

        assertThat(unknownAnswer).isEqualTo(knownAnswer);
        assertThat(outboxRows(unknown)).isZero();
        assertThat(outboxRows(known)).isEqualTo(1);
        mvc.perform(get(knownAnswer)).andExpect(content().string(containsString("If an account uses that address")));
    }

    @Test
    void usingOneLinkSpendsEveryEarlierOne() throws Exception {
        String email = account("en");
        mvc.perform(forgot(email));
        String first = PortalFixture.token(jdbc, email, "PASSWORD_RESET");
        mvc.perform(forgot(email));
        String second = PortalFixture.token(jdbc, email, "PASSWORD_RESET");
        assertThat(second).isNotEqualTo(first);

        mvc.perform(reset(second, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/account/login?reset"));

        mvc.perform(reset(first, "the attacker's long password", "the attacker's long password"))
                .andExpect(status().isGone());
        mvc.perform(signIn(email, NEW_PASSWORD)).andExpect(redirectedUrl("/account"));
    }

    @Test
    void expiredAndUnknownLinksAreFriendlyPagesInBothLanguages() throws Exception {
        String email = account("es");
        mvc.perform(forgot(email));
        String token = PortalFixture.token(jdbc, email, "PASSWORD_RESET");
        assertThat(jdbc.sql("select subject from booking_outbox where recipient = :e and kind = 'PASSWORD_RESET'")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .startsWith("Su contraseña");
        jdbc.sql("update patient_password_reset set expires_at = :now - interval '1 second'" + " where token_hash = :h")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("h", VerificationToken.hash(token))
                .update();

        mvc.perform(get("/account/reset").param("token", token).param("lang", "es"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("ha caducado")));
        mvc.perform(reset(token, NEW_PASSWORD, NEW_PASSWORD).param("lang", "en"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("has expired")));
        mvc.perform(get("/account/reset").param("token", "forged"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link does not work")));
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account"));
    }

    @Test
    void theNewPasswordFollowsTheSignUpRulesAndABadOneKeepsTheLink() throws Exception {
        String email = account("en");
        mvc.perform(forgot(email));
        String token = PortalFixture.token(jdbc, email, "PASSWORD_RESET");

        mvc.perform(reset(token, "short", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12 to 128 characters")));
        mvc.perform(reset(token, NEW_PASSWORD, NEW_PASSWORD + "x").param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no coinciden")));
        mvc.perform(reset(token, email.toUpperCase(), email.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("e-mail address as the password")));
        mvc.perform(signIn(email, PASSWORD)).andExpect(redirectedUrl("/account"));

        mvc.perform(reset(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/account/login?reset"));
    }

    private String account(String language) throws Exception {
        String email = "reset-" + UUID.randomUUID() + "@example.com";
        mvc.perform(post("/account/signup")
                .with(csrf())
                .param("lang", language)
                .param("firstName", "Rosa")
                .param("lastName", "Reset")
                .param("email", email)
                .param("password", PASSWORD)
                .param("passwordAgain", PASSWORD));
        mvc.perform(post("/account/verify")
                        .with(csrf())
                        .param("token", PortalFixture.token(jdbc, email, "VERIFY_ACCOUNT"))
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/account/login?confirmed"));
        return email;
    }

    private static MockHttpServletRequestBuilder forgot(String email) {
        return post("/account/forgot").with(csrf()).param("email", email);
    }

    private static MockHttpServletRequestBuilder reset(String token, String password, String again) {
        return post("/account/reset")
                .with(csrf())
                .param("token", token)
                .param("password", password)
                .param("passwordAgain", again);
    }

    private int outboxRows(String email) {
        return jdbc.sql("select count(*) from booking_outbox where recipient = :e and kind = 'PASSWORD_RESET'")
                .param("e", email)
                .query(Integer.class)
                .single();
    }
}
