package clinic.relief.mail;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff read the outbox, but the secret links in it are not theirs to use: the page shows them redacted. */
@ReliefTest
class OutboxPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Test
    void thePageShowsTheEmailsButNeverTheirTokens() throws Exception {
        String booker = "outbox-hold-" + UUID.randomUUID() + "@example.com";
        String signer = "outbox-account-" + UUID.randomUUID() + "@example.com";
        holdOnline(booker);
        mvc.perform(post("/account/signup")
                .with(csrf())
                .param("firstName", "Olive")
                .param("lastName", "Outbox")
                .param("email", signer)
                .param("password", "correct horse battery")
                .param("passwordAgain", "correct horse battery"));
        List<String> tokens = List.of(token(booker, "VERIFY_BOOKING"), token(signer, "VERIFY_ACCOUNT"));

        for (String role : List.of("FRONT_DESK", "OWNER")) {
            String page = mvc.perform(
                            get("/admin/outbox").with(user("staff@example.com").roles(role)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(booker, signer, "/book/confirm?token=[hidden]", "/account/verify?token=[hidden]");
            tokens.forEach(token -> assertThat(page).doesNotContain(token));
        }
        String spanish = mvc.perform(get("/admin/outbox")
                        .param("lang", "es")
                        .with(user("staff@example.com").roles("FRONT_DESK")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(spanish).contains("token=[oculto]");
        tokens.forEach(token -> assertThat(spanish).doesNotContain(token));
        mvc.perform(get("/admin/outbox").with(user("therapist@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void redactsEveryLinkSecretAndAnyLongRandomRun() {
        String secret = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy-_0";
        String text = "Claim: https://relief.example/waitlist/offer?token=" + secret + "&x=1\n"
                + "Reset: https://relief.example/account/reset?token=abc\nOther: /something/" + secret + " ok";

        String shown = OutboxPages.redact(text, "[hidden]");

        assertThat(shown)
                .doesNotContain(secret)
                .doesNotContain("token=abc")
                .contains(
                        "/waitlist/offer?token=[hidden]&x=1",
                        "/account/reset?token=[hidden]",
                        "/something/[hidden] ok");
        assertThat(OutboxPages.redact("Hello Ana, see you on Monday at 9:00.", "[hidden]"))
                .isEqualTo("Hello Ana, see you on Monday at 9:00.");
    }

    private void holdOnline(String email) throws Exception {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        mvc.perform(visitor(email, "trigger-point:60", fixture.at(fixture.day(), "13:00") + "|" + therapist)
                        .with("conditions", "none")
                        .post())
                .andExpect(status().is3xxRedirection());
    }

    private String token(String email, String kind) {
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = :k")
                .param("e", email)
                .param("k", kind)
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        assertThat(token).hasSizeGreaterThan(30);
        return token;
    }
}
