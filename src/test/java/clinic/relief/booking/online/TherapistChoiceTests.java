package clinic.relief.booking.online;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Choosing a therapist, or a language, on the online booking page; the booking goes to the therapist chosen. */
@ReliefTest
class TherapistChoiceTests {

    private static final Pattern SLOT = Pattern.compile("name=\"slot\" value=\"([^\"|]+)\\|([0-9a-f-]{36})\"");

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

    BookingFixture fixture;
    LocalDate day;
    UUID english;
    UUID bilingual;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID(), "Room " + UUID.randomUUID());
        day = fixture.day();
        english = fixture.therapist("09:00", "17:00");
        bilingual = fixture.therapist("09:00", "17:00");
        staff.describe(english, List.of("en"), "Sports massage", "Masaje deportivo");
        staff.describe(bilingual, List.of("en", "es"), "Low back pain", "Dolor de espalda baja");
    }

    @Test
    void filteringBySpanishShowsOnlyTheSpanishSpeakersTimesWithTheirNameAndTheBookingGoesToThem() throws Exception {
        String name = staff.find(bilingual).orElseThrow().displayName();
        String page = mvc.perform(get("/book")
                        .param("choice", "trigger-point:60")
                        .param("date", day.toString())
                        .param("language", "es")
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dolor de espalda baja")))
                .andExpect(content().string(containsString("Próximo horario libre")))
                .andExpect(content().string(containsString("Español")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<String[]> slots = slots(page);
        assertThat(slots).isNotEmpty();
        assertThat(slots).allSatisfy(slot -> assertThat(slot[1]).isEqualTo(bilingual.toString()));
        assertThat(page).contains("<span>" + name + "</span>");
        // Only Spanish speakers' cards (and names to choose) show: the English-only therapist's are gone.
        String englishName = staff.find(english).orElseThrow().displayName();
        assertThat(page).doesNotContain(englishName);
        assertThat(page).contains("value=\"" + bilingual + "\"").doesNotContain("value=\"" + english + "\"");
        // Without the filter both cards show.
        mvc.perform(get("/book")
                        .param("choice", "trigger-point:60")
                        .param("date", day.toString())
                        .param("lang", "es"))
                .andExpect(content().string(containsString(englishName)))
                .andExpect(content().string(containsString("value=\"" + english + "\"")))
                .andExpect(content().string(containsString("Dolor de espalda baja")));

        String email = "elena-" + UUID.randomUUID() + "@example.com";
        mvc.perform(visitor(email, "trigger-point:60", slots.get(0)[0] + "|" + slots.get(0)[1])
                        .named("Elena", "Ruiz")
                        .with("phone", "310 555 0102")
                        .with("dateOfBirth", "1975-03-09")
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token)).andExpect(redirectedUrl("/book/done"));

        assertThat(jdbc.sql("select a.therapist_id from booking_appointment a join patient p on p.id = a.patient_id"
                                + " where p.email = :e")
                        .param("e", email)
                        .query(UUID.class)
                        .single())
                .isEqualTo(bilingual);
    }

    @Test
    void choosingOneTherapistShowsOnlyTheirTimesAndFirstAvailableStaysTheDefault() throws Exception {
        String chosen = mvc.perform(get("/book")
                        .param("choice", "trigger-point:60")
                        .param("date", day.toString())
                        .param("therapist", english.toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(slots(chosen))
                .isNotEmpty()
                .allSatisfy(slot -> assertThat(slot[1]).isEqualTo(english.toString()));

        String any = mvc.perform(
                        get("/book").param("choice", "trigger-point:60").param("date", day.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("First available (any therapist)")))
                .andExpect(content()
                        .string(containsString(
                                "Book with " + staff.find(english).orElseThrow().displayName())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Each time once, with the first free therapist, who is named.
        List<String[]> anySlots = slots(any);
        assertThat(anySlots).isNotEmpty();
        UUID first = UUID.fromString(anySlots.get(0)[1]);
        assertThat(any).contains("<span>" + staff.find(first).orElseThrow().displayName() + "</span>");
    }

    @Test
    void twoWeeksOfTimesShowWithLinksToTheTwoWeeksBeforeAndAfter() throws Exception {
        String page = mvc.perform(get("/book")
                        .param("choice", "trigger-point:60")
                        .param("date", day.plusDays(14).toString())
                        .param("therapist", english.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("date=" + day.plusDays(28))))
                .andExpect(content().string(containsString("date=" + day)))
                .andExpect(content().string(containsString("<details class=\"slot-day\" open")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<LocalDate> dates = slots(page).stream()
                .map(slot -> Instant.parse(slot[0]).atZone(BookingFixture.LA).toLocalDate())
                .distinct()
                .toList();
        assertThat(dates).allSatisfy(date -> assertThat(date).isBetween(day.plusDays(14), day.plusDays(27)));
        assertThat(dates.size()).isGreaterThan(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "<script>"})
    void anUnknownTherapistIsIgnoredWithAMessage(String therapist) throws Exception {
        mvc.perform(get("/book")
                        .param("choice", "trigger-point:60")
                        .param("date", day.toString())
                        .param("therapist", therapist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That therapist cannot be booked online")))
                .andExpect(content().string(containsString(unfilteredFirstSlot())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "klingon", "ES'--"})
    void anUnknownLanguageIsIgnoredWithAMessageInSpanishToo(String language) throws Exception {
        mvc.perform(get("/book")
                        .param("choice", "trigger-point:60")
                        .param("date", day.toString())
                        .param("language", language)
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ninguno de nuestros terapeutas habla ese idioma")))
                .andExpect(content().string(containsString(unfilteredFirstSlot())));
    }

    /** The first time the page offers with no filter, as its slot value. */
    private String unfilteredFirstSlot() throws Exception {
        String[] first = slots(mvc.perform(
                                get("/book").param("choice", "trigger-point:60").param("date", day.toString()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0);
        return "value=\"" + first[0] + "|" + first[1] + "\"";
    }

    private static List<String[]> slots(String page) {
        List<String[]> slots = new ArrayList<>();
        Matcher m = SLOT.matcher(page);
        while (m.find()) {
            slots.add(new String[] {m.group(1), m.group(2).toLowerCase(Locale.ROOT)});
        }
        return slots;
    }
}
