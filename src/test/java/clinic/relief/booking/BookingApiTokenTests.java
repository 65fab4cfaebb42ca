package clinic.relief.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.ApiTokens;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff API clients with bearer tokens on the booking API: no session, no CSRF, revocable at once. */
@ReliefTest
class BookingApiTokenTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

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
    void aFrontDeskTokenBooksAndReadsWithoutCsrfOrSession() throws Exception {
        String token = tokens.issue("Phone system", StaffRole.FRONT_DESK, "owner@example.com")
                .token();

        MvcResult booked = mvc.perform(booking(token, "10:00"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        String id = JsonPath.read(booked.getResponse().getContentAsString(), "$.id");
        assertThat(booked.getRequest().getSession(false)).isNull();

        mvc.perform(get("/api/booking/appointments/{id}", id).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("BOOKED"));
    }

    @Test
    void aRevokedTokenIsRefusedWithA401ProblemAndBooksNothing() throws Exception {
        ApiTokens.Issued issued = tokens.issue("Old partner app", StaffRole.FRONT_DESK, "owner@example.com");
        tokens.revoke(issued.id());

        mvc.perform(booking(issued.token(), "11:00"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.title").value("Missing, unknown or revoked API token"));
        assertThat(bookedWithTherapist()).isZero();
    }

    @Test
    void anUnknownTokenIsRefusedWithA401Problem() throws Exception {
        mvc.perform(booking("rlf_not-a-token", "11:00"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/booking/appointments/{id}", UUID.randomUUID()).header("Authorization", "Bearer "))
                .andExpect(status().isUnauthorized());
        assertThat(bookedWithTherapist()).isZero();
    }

    @Test
    void aTherapistTokenMayNotTouchAppointments() throws Exception {
        String token = tokens.issue("Therapist's own script", StaffRole.THERAPIST, "owner@example.com")
                .token();

        mvc.perform(booking(token, "12:00"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/booking/services").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void onlyTheHashIsStoredAndUseIsNoted() throws Exception {
        ApiTokens.Issued issued = tokens.issue("Hash check", StaffRole.FRONT_DESK, "owner@example.com");
        mvc.perform(get("/api/booking/services").header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isOk());

        var row = jdbc.sql("select token_sha256, last_used_at is not null as used from staff_api_token where id = :id")
                .param("id", issued.id())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2)})
                .single();
        assertThat((String) row[0]).hasSize(64).doesNotContain(issued.token().substring(4, 20));
        assertThat(row[0])
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(issued.token().getBytes(StandardCharsets.UTF_8))));
        assertThat((Boolean) row[1]).isTrue();
    }

    private MockHttpServletRequestBuilder booking(String token, String time) {
        return post("/api/booking/appointments")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"patientId": "%s", "service": "trigger-point", "minutes": 60, "start": "%s",
                         "therapistId": "%s"}""".formatted(fixture.patient(), fixture.at(day, time), therapist));
    }

    private int bookedWithTherapist() {
        return jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                .param("t", therapist)
                .query(Integer.class)
                .single();
    }
}
