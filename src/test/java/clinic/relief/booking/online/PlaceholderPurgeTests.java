package clinic.relief.booking.online;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Placeholders of online bookings never confirmed are deleted a week after their hold expired, unless referred to. */
@ReliefTest
class PlaceholderPurgeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OnlineHolds holds;

    @Autowired
    PlaceholderPurge purge;

    @Autowired
    Waitlist waitlist;

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
    void deletesAPlaceholderAWeekAfterItsHoldExpiredAndKeepsAYoungerOne() throws Exception {
        UUID old = expiredHold("10:00", 8);
        UUID recent = expiredHold("12:00", 6);

        purge.purgeDue();

        assertThat(patients.find(old)).isEmpty();
        assertThat(count("select count(*) from booking_appointment where patient_id = :p", old))
                .isZero();
        assertThat(count("select count(*) from patient_intake where patient_id = :p", old))
                .isZero();
        assertThat(count(
                        "select count(*) from booking_online_hold h where not exists"
                                + " (select 1 from booking_appointment a where a.id = h.appointment_id)",
                        old))
                .isZero();
        assertThat(patients.find(recent)).isPresent();
        assertThat(count("select count(*) from booking_appointment where patient_id = :p", recent))
                .isEqualTo(1);
    }

    /**
     * The purge's fixed statement names every column that can hold a patient's id: a table added later with one
     * fails here until the statement names it too, so a placeholder is never deleted from under it.
     */
    @Test
    void theReferenceCheckNamesEveryPatientColumnOfTheSchema() {
        Set<String> inSchema = new TreeSet<>(jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                        where table_schema = current_schema()
                          and (column_name = 'patient_id' or column_name like '%\\_patient\\_id')
                          and table_name not in ('booking_appointment', 'patient_intake')
                        """).query(String.class).list());
        Set<String> checked = new TreeSet<>();
        Matcher named =
                Pattern.compile("from (\\w+) where (\\w+) =").matcher(PlaceholderPurgeStore.REFERENCED_ELSEWHERE);
        while (named.find()) {
            checked.add(named.group(1) + "." + named.group(2));
        }

        assertThat(checked).isEqualTo(inSchema);
    }

    @Test
    void keepsAnUnconfirmedHoldThatHasNotExpired() throws Exception {
        UUID pending = hold("14:00");
        jdbc.sql("update booking_online_hold set created_at = :now - interval '30 days' where appointment_id in"
                        + " (select id from booking_appointment where patient_id = :p)")
                .param("now", utcNow())
                .param("p", pending)
                .update();

        purge.purgeDue();

        assertThat(patients.find(pending)).isPresent();
    }

    @Test
    void deletesThePlaceholderOfAVisitorsDepositHoldGivenUp() throws Exception {
        RequestPostProcessor owner = user("owner@example.com").roles("OWNER");
        mvc.perform(post("/staff/payments/deposits")
                        .with(owner)
                        .with(csrf())
                        .param("service", "trigger-point")
                        .param("kind", "FIXED")
                        .param("amount", "20.00"))
                .andExpect(flash().attribute("notice", "payments.deposits.saved"));
        try {
            String email = "purge-" + UUID.randomUUID() + "@example.com";
            MockHttpServletResponse booked = mvc.perform(
                            visitor(email, "trigger-point:60", fixture.at(day, "11:00") + "|" + therapist)
                                    .with("conditions", "none")
                                    .post())
                    .andReturn()
                    .getResponse();
            String link = booked.getRedirectedUrl();
            assertThat(link)
                    .as(() -> booked.getStatus() + " " + alertsOf(booked))
                    .startsWith("/payments/deposit?token=");
            UUID placeholder = jdbc.sql("select a.patient_id from booking_online_hold h join booking_appointment a"
                            + " on a.id = h.appointment_id where h.email = :e and h.paid_by_deposit")
                    .param("e", email)
                    .query(UUID.class)
                    .single();
            // The visitor gives the time up without paying (the same release an expired Checkout page leads to).
            mvc.perform(post(link.replace("/payments/deposit?", "/payments/deposit/release?"))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            jdbc.sql("update booking_online_hold set expired_at = :now - interval '8 days' where appointment_id in"
                            + " (select id from booking_appointment where patient_id = :p)")
                    .param("now", utcNow())
                    .param("p", placeholder)
                    .update();

            purge.purgeDue();

            assertThat(patients.find(placeholder)).isEmpty();
            assertThat(count("select count(*) from patient_intake where patient_id = :p", placeholder))
                    .isZero();
            assertThat(count("select count(*) from booking_appointment where patient_id = :p", placeholder))
                    .isZero();
        } finally {
            mvc.perform(post("/staff/payments/deposits")
                    .with(owner)
                    .with(csrf())
                    .param("service", "trigger-point")
                    .param("kind", "NONE"));
        }
    }

    private static String alertsOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString()
                    .replaceAll("(?s).*?(class=\"[^\"]*(alert|error)[^\"]*\"[^<]*<).*", "$1");
        } catch (UnsupportedEncodingException e) {
            return e.toString();
        }
    }

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("a waitlist request", (Reference) (test, p) -> test.waitlist.join(
                        p, new WaitlistRequest("swedish", 60, test.day, test.day, PartOfDay.ANY, Optional.empty()))),
                Arguments.of("a billing row", (Reference) (test, p) -> test.jdbc
                        .sql("""
                        insert into billing_quote (appointment_id, patient_id, service_id, minutes, total, uses_credit,
                                                   created_at)
                        values (gen_random_uuid(), :p, 'swedish', 60, 0, false, :now)
                        """)
                        .param("now", test.utcNow())
                        .param("p", p)
                        .update()),
                Arguments.of("an audit entry", (Reference) (test, p) -> test.jdbc
                        .sql("""
                        insert into clinical_audit (at, actor, actor_role, action, record_kind, record_id, patient_id)
                        values (:now, 'desk@example.com', 'FRONT_DESK', 'READ', 'intake', 'x', :p)
                        """)
                        .param("now", test.utcNow())
                        .param("p", p)
                        .update()),
                Arguments.of("an attached assessment", (Reference) (test, p) -> test.jdbc
                        .sql("update booking_appointment set assessment_id = gen_random_uuid() where patient_id = :p")
                        .param("p", p)
                        .update()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void keepsAPlaceholderThatAnythingElseRefersTo(String what, Reference reference) throws Exception {
        UUID placeholder = expiredHold("15:00", 30);
        reference.add(this, placeholder);

        purge.purgeDue();

        assertThat(patients.find(placeholder)).as(what).isPresent();
        assertThat(count("select count(*) from booking_appointment where patient_id = :p", placeholder))
                .isEqualTo(1);
    }

    /** Something that refers to a placeholder. */
    interface Reference {
        void add(PlaceholderPurgeTests test, UUID placeholder);
    }

    private UUID expiredHold(String time, int daysAgo) throws Exception {
        UUID placeholder = hold(time);
        jdbc.sql("update booking_online_hold set expires_at = :now - interval '1 minute' where appointment_id in"
                        + " (select id from booking_appointment where patient_id = :p)")
                .param("now", utcNow())
                .param("p", placeholder)
                .update();
        holds.expireDue();
        jdbc.sql("update booking_online_hold set expired_at = :now - make_interval(days => :d) where appointment_id in"
                        + " (select id from booking_appointment where patient_id = :p)")
                .param("now", utcNow())
                .param("d", daysAgo)
                .param("p", placeholder)
                .update();
        return placeholder;
    }

    private OffsetDateTime utcNow() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private UUID hold(String time) throws Exception {
        String email = "purge-" + UUID.randomUUID() + "@example.com";
        mvc.perform(visitor(email, "trigger-point:60", fixture.at(day, time) + "|" + therapist)
                        .with("conditions", "none")
                        .post())
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select a.patient_id from booking_online_hold h join booking_appointment a"
                        + " on a.id = h.appointment_id where h.email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private int count(String sql, UUID patient) {
        return jdbc.sql(sql).param("p", patient).query(Integer.class).single();
    }
}
