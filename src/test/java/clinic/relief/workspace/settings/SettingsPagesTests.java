package clinic.relief.workspace.settings;

import java.time.LocalTime;

import clinic.relief.ReliefTest;
import clinic.relief.staff.StaffRole;
import clinic.relief.workspace.WorkspaceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner's settings page: what is configured, links to the editors, and the hours warnings; nobody else's. */
@ReliefTest
class SettingsPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceFixture fixture;

    @Test
    void showsTheOwnerTheProfileServicesTherapistsAndAWarningForHoursOutsideTheOpeningHours() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);
        String early = fixture.listedTherapist("Early Bird Test");
        fixture.hours(early, 7, LocalTime.of(7, 0), LocalTime.of(12, 0));

        mvc.perform(get("/staff/settings?lang=en").with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Massage Revolution"),
                                containsString("Services and prices"),
                                containsString("Early Bird Test"),
                                containsString("Early Bird Test works Sunday 7:00"),
                                containsString("outside the clinic&#39;s opening hours"),
                                containsString("href=\"/staff/schedules\""),
                                containsString("href=\"/staff/api-tokens\""),
                                containsString("href=\"/admin/outbox\""))));
    }

    @Test
    void speaksSpanish() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);

        mvc.perform(get("/staff/settings?lang=es").with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ajustes"), containsString("Servicios y precios"))));
    }

    @ParameterizedTest
    @EnumSource(names = {"FRONT_DESK", "THERAPIST"})
    void isTheOwnersOnly(StaffRole role) throws Exception {
        mvc.perform(get("/staff/settings").with(user(fixture.staffMember(role)).roles(role.name())))
                .andExpect(status().isForbidden());
    }
}
