package clinic.relief.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.online.OnlineBookingPost;
import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.schedule.WeeklyTime;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.OneStepAccounts;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Online booking is verification-first: a hold, an e-mailed single-use link, and only then a patient's booking. */
@ReliefTest
class OnlineVerificationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    OnlineHolds holds;

    @Autowired
    OneStepAccounts oneStep;

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

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void someoneElsesEmailAttachesNothingUntilTheLinkIsFollowed() throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        UUID owner = patients.findOrCreate(new NewPatient("Olga", "Owner", "310 555 0199", email, null, "en"))
                .id();
        patients.recordIntake(owner, new Intake("none", null, null, null, false, true, true), "patient@example.com");

        mvc.perform(form(email, "10:00")
                        .with("firstName", "Mallory")
                        .with("conditions", "made up")
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));

        assertThat(count("select count(*) from booking_appointment where patient_id = :p", owner))
                .isZero();
        assertThat(patients.latestIntake(owner).orElseThrow().answers().conditions())
                .isEqualTo("none");
        assertThat(patients.get(owner).firstName()).isEqualTo("Olga");
        assertThat(patients.search("Mallory")).isEmpty();
        assertThat(holdStatus(email)).isEqualTo("PENDING");
        // No confirmation to the address yet: only the link.
        assertThat(jdbc.sql("select kind from booking_outbox where recipient = :e")
                        .param("e", email)
                        .query(String.class)
                        .list())
                .containsExactly("VERIFY_BOOKING");
    }

    @Test
    void theLinkBooksForThePatientWithThatEmailAndMovesTheIntakeThere() throws Exception {
        String email = "known-" + UUID.randomUUID() + "@example.com";
        UUID owner = patients.findOrCreate(new NewPatient("Olga", "Owner", null, email, null, "en"))
                .id();
        mvc.perform(form(email, "10:00").with("conditions", "neck pain").post())
                .andExpect(redirectedUrl("/book/check-email"));
        String token = token(email);

        mvc.perform(get("/book/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm my booking")));
        assertThat(holdStatus(email)).isEqualTo("PENDING"); // opening the link (a mail scanner) books nothing
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token)).andExpect(redirectedUrl("/book/done"));

        assertThat(count("select count(*) from booking_appointment where patient_id = :p and status = 'BOOKED'", owner))
                .isEqualTo(1);
        assertThat(patients.latestIntake(owner).orElseThrow().answers().conditions())
                .contains("neck pain");
        assertThat(jdbc.sql("select kind from booking_outbox where recipient = :e")
                        .param("e", email)
                        .query(String.class)
                        .list())
                .contains("CONFIRMATION");
    }

    @Test
    void tickingTextRemindersRecordsTheConsentWhenTheLinkConfirmsTheBooking() throws Exception {
        String email = "texts-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(email, "11:00").with("wantsTexts", "true").post())
                .andExpect(redirectedUrl("/book/check-email"));
        assertThat(textConsents(email)).isEmpty(); // nothing is recorded before the address is proved

        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)));

        assertThat(textConsents(email)).containsExactly("true +13105550101 online booking form");
    }

    @Test
    void theBrowsersTimeZoneIsKeptWithTheTextConsentAndAnythingElseIsIgnored() throws Exception {
        String email = "texts-zone-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(email, "14:00")
                        .with("wantsTexts", "true")
                        .with("timeZone", "America/New_York")
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)));
        String other = "texts-nozone-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(other, "11:00")
                        .with("wantsTexts", "true")
                        .with("timeZone", "GMT+05:00")
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(other)));

        assertThat(textZone(email)).isEqualTo("America/New_York");
        assertThat(textZone(other)).isEqualTo("none");
    }

    private String textZone(String email) {
        return jdbc.sql("""
                        select coalesce(c.time_zone, 'none') from sms_consent c
                        join patient p on p.id = c.patient_id where p.email = :e and c.channel = 'TEXT'""").param("e", email).query(String.class).single();
    }

    @Test
    void textRemindersStayOffUnlessTicked() throws Exception {
        String email = "notexts-" + UUID.randomUUID() + "@example.com";
        mvc.perform(get("/book/details")
                        .param("choice", "trigger-point:60")
                        .param("slot", fixture.at(day, "13:00") + "|" + therapist))
                .andExpect(content().string(containsString("name=\"wantsTexts\"")))
                .andExpect(content().string(not(containsString("checked=\"checked\""))));
        mvc.perform(form(email, "13:00").post()).andExpect(redirectedUrl("/book/check-email"));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)));

        assertThat(holdStatus(email)).isEqualTo("BOOKED");
        assertThat(textConsents(email)).isEmpty();
    }

    @Test
    void theConsentAndPrivacyBoxesLinkTheTextsTheyAgreeToInTheVisitorsLanguage() throws Exception {
        for (String language : List.of("en", "es")) {
            String page = mvc.perform(get("/book/details")
                            .param("lang", language)
                            .param("choice", "trigger-point:60")
                            .param("slot", fixture.at(day, "13:00") + "|" + therapist))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Matcher privacy = Pattern.compile("href=\"(/intake/documents/PRIVACY/[^\"]+)\"[^>]*>([^<]+)</a>")
                    .matcher(page);
            assertThat(privacy.find()).as(language).isTrue();
            assertThat(privacy.group(2)).isEqualTo(language.equals("es") ? "Aviso de privacidad" : "Privacy notice");
            assertThat(page).contains("/intake/documents/CONSENT/");
            mvc.perform(get(privacy.group(1)).param("lang", language))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(privacy.group(2))));
        }
    }

    @Test
    void aNumberThatCannotBeTextedIsRefusedBesideTheBoxAndNothingIsHeld() throws Exception {
        String email = "badphone-" + UUID.randomUUID() + "@example.com";
        // Well formed for the form, but no valid US number: 111 is no exchange (libphonenumber refuses it).
        mvc.perform(form(email, "15:00")
                        .with("phone", "213 111 1111")
                        .with("wantsTexts", "true")
                        .post())
                .andExpect(content().string(containsString("This phone number cannot receive texts")));
        mvc.perform(form(email, "15:00")
                        .with("phone", "213 111 1111")
                        .with("wantsTexts", "true")
                        .post()
                        .header("Accept-Language", "es")
                        .param("lang", "es"))
                .andExpect(content().string(containsString("no puede recibir mensajes")));

        assertThat(jdbc.sql("select count(*) from booking_online_hold where email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from booking_outbox where recipient = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(textConsents(email)).isEmpty();
    }

    private List<String> textConsents(String email) {
        return jdbc.sql("""
                        select c.granted || ' ' || c.phone || ' ' || c.source from sms_consent c
                        join patient p on p.id = c.patient_id where p.email = :e and c.channel = 'TEXT'""").param("e", email).query(String.class).list();
    }

    @Test
    void theConfirmationPageMakesAnAccountWithOnePasswordAndSignsThePatientIn() throws Exception {
        String email = "onestep-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(email, "15:00").post()).andExpect(redirectedUrl("/book/check-email"));
        var confirmed = mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(redirectedUrl("/book/done"))
                .andReturn();
        String offer = (String) confirmed.getFlashMap().get("accountOffer");
        assertThat(offer).isNotBlank();
        mvc.perform(get("/book/done").cookie(confirmed.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString("action=\"/account/create\"")))
                .andExpect(content().string(containsString("autocomplete=\"new-password\"")))
                .andExpect(content().string(containsString(offer)));

        mvc.perform(post("/account/create").with(csrf()).param("token", offer).param("password", "short"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("12 to 128 characters")));
        mvc.perform(post("/account/create").with(csrf()).param("token", offer).param("password", email))
                .andExpect(status().is(422));
        Cookie session = mvc.perform(post("/account/create")
                        .with(csrf())
                        .param("token", offer)
                        .param("password", "correct horse battery staple"))
                .andExpect(redirectedUrl("/account?welcome"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");

        mvc.perform(get("/account").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hello, Ana.")));
        mvc.perform(post("/account/create")
                        .with(csrf())
                        .param("token", offer)
                        .param("password", "another long password"))
                .andExpect(status().isGone());
        assertThat(oneStep.offer(patients.findByEmail(email).orElseThrow().id()))
                .isEmpty();
    }

    @Test
    void aNewAddressBecomesANewPatient() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(email, "12:00").post()).andExpect(redirectedUrl("/book/check-email"));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)));

        assertThat(holdStatus(email)).isEqualTo("BOOKED");
        assertThat(patients.search(email))
                .singleElement()
                .extracting("firstName")
                .isEqualTo("Ana");
    }

    @Test
    void usedExpiredAndForgedLinksAreClearPagesAndChangeNothing() throws Exception {
        String used = "used-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(used, "10:00").post());
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(used)));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(used)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("already used")));

        String late = "late-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(late, "12:00").post());
        jdbc.sql("update booking_online_hold set expires_at = :now - interval '1 minute' where email = :e")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("e", late)
                .update();
        mvc.perform(post("/book/confirm")
                        .with(csrf())
                        .param("token", token(late))
                        .param("lang", "es"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("ha caducado")));
        assertThat(holdStatus(late)).isEqualTo("PENDING");

        mvc.perform(get("/book/confirm").param("token", "forged-" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not work")));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", "x")).andExpect(status().isNotFound());
    }

    @Test
    void aHoldKeepsTheSlotUntilItExpiresThenFreesIt() throws Exception {
        String email = "hold-" + UUID.randomUUID() + "@example.com";
        mvc.perform(form(email, "15:00").post());
        BookAppointment rival = new BookAppointment(
                fixture.patient(),
                "trigger-point",
                60,
                fixture.at(day, "15:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null);
        assertThatThrownBy(() -> booking.book(rival)).isInstanceOf(SlotTaken.class);

        jdbc.sql("update booking_online_hold set expires_at = :now - interval '1 minute' where email = :e")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("e", email)
                .update();
        assertThat(holds.expireDue()).isGreaterThanOrEqualTo(1);

        assertThat(holdStatus(email)).isEqualTo("CANCELLED");
        assertThat(booking.book(rival).status()).isEqualTo(AppointmentStatus.BOOKED);
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(status().isGone());
    }

    @Test
    void aClashWithThePatientsOwnAppointmentReadsAsItsOwnMessage() throws Exception {
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient("Bea", "Busy", null, email, null, "en"))
                .id();
        fixture.onlyRooms("Room " + UUID.randomUUID(), "Room " + UUID.randomUUID());
        UUID other = fixture.therapist("09:00", "17:00");
        booking.book(new BookAppointment(
                patient,
                "trigger-point",
                60,
                fixture.at(day, "14:00"),
                Optional.of(other),
                Appointment.Source.FRONT_DESK,
                null,
                null));

        mvc.perform(form(email, "14:00").post());
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("You already have an appointment at that time")));
        assertThat(jdbc.sql("select status from booking_appointment a join booking_online_hold h"
                                + " on h.appointment_id = a.id where h.email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        booking.book(new BookAppointment(
                patient,
                "swedish",
                60,
                fixture.at(day, "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        patient,
                        "swedish",
                        60,
                        fixture.at(day, "10:00"),
                        Optional.of(other),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null)))
                .isInstanceOf(PatientAlreadyBooked.class);
    }

    @Test
    void onlyListedTherapistsCanBeBookedOnline() throws Exception {
        UUID unlisted = staff.createOrUpdate(new NewStaffMember(
                        "unlisted-" + UUID.randomUUID() + "@example.com",
                        "Una Listed",
                        StaffRole.THERAPIST,
                        "long enough password",
                        null,
                        null,
                        null,
                        null,
                        false))
                .id();
        admin.schedule(
                unlisted,
                Arrays.stream(DayOfWeek.values())
                        .map(d -> new WeeklyTime(d, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                        .toList(),
                List.of(),
                List.of("swedish"));
        String email = "unlisted-" + UUID.randomUUID() + "@example.com";

        mvc.perform(form(email, "10:00", "swedish:60", unlisted).post())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alert error")));

        assertThat(jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                        .param("t", unlisted)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from booking_online_hold where email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private OnlineBookingPost form(String email, String time) {
        return form(email, time, "trigger-point:60", therapist);
    }

    private OnlineBookingPost form(String email, String time, String choice, UUID with) {
        return visitor(email, choice, fixture.at(day, time) + "|" + with).with("conditions", "sciatica");
    }

    private String token(String email) {
        List<String> bodies = jdbc.sql(
                        "select body from booking_outbox where recipient = :e" + " and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .list();
        return bodies.get(0).replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    private String holdStatus(String email) {
        return jdbc.sql("select a.status from booking_appointment a join booking_online_hold h"
                        + " on h.appointment_id = a.id where h.email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private int count(String sql, UUID patient) {
        return jdbc.sql(sql).param("p", patient).query(Integer.class).single();
    }
}
