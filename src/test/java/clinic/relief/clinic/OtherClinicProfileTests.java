package clinic.relief.clinic;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.schedule.WeeklyTime;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** Another clinic runs the same build with its own profile file and nothing of the first clinic shows. */
@SpringBootTest(properties = "relief.clinic-profile=classpath:clinics/lakeside.yml")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OtherClinicProfileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin schedules;

    @Test
    void showsTheOtherClinicsNamePhoneAndHours() throws Exception {
        // The site advertises only hours someone can be booked in: a therapist working every day, 7 AM to 10 PM.
        var therapist = staff.createOrUpdate(new NewStaffMember(
                        "lakeside-therapist@example.com",
                        "Lakeside Therapist",
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        true))
                .id();
        schedules.schedule(
                therapist,
                Arrays.stream(DayOfWeek.values())
                        .map(day -> new WeeklyTime(day, LocalTime.of(7, 0), LocalTime.of(22, 0)))
                        .toList(),
                List.of(),
                List.of("neuromuscular"));
        mvc.perform(get("/contact"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Lakeside Bodywork Collective"),
                                containsString("tel:+15035550177"),
                                containsString("Tuesday – Thursday"),
                                not(containsString("Massage Revolution")))));
    }

    @Test
    void sellsOnlyTheOtherClinicsServices() throws Exception {
        mvc.perform(get("/services"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Neuromuscular therapy"),
                                containsString("45 minutes"),
                                containsString("$80.00"),
                                not(containsString("Swedish")))));
    }

    @Test
    void speaksOnlyTheLanguagesTheOtherClinicSpeaks() throws Exception {
        mvc.perform(get("/").param("lang", "es").header("Accept-Language", "es"))
                .andExpect(content()
                        .string(allOf(containsString("<html lang=\"en\""), not(containsString("hreflang=\"es\"")))));
    }

    @Test
    void checksItsOwnServiceArea() throws Exception {
        mvc.perform(get("/api/service-area").param("q", "97204"))
                .andExpect(jsonPath("$.city").value("Portland"));
        mvc.perform(get("/api/service-area").param("q", "90266"))
                .andExpect(jsonPath("$.served").value(false));
    }

    @Test
    void leavesOutInsuranceClaimsItDoesNotMake() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(not(containsString("PPO insurance accepted"))));
    }
}
