package clinic.relief.workspace.settings;

import clinic.relief.ReliefTest;
import clinic.relief.booking.fees.FeePolicy;
import clinic.relief.booking.fees.FeeRules;
import clinic.relief.clinic.ClinicSettings;
import clinic.relief.staff.StaffRole;
import clinic.relief.workspace.WorkspaceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner's clinic details and fees page: shown in both languages, refusing bad and stale saves; nobody else's. */
@ReliefTest
class ClinicSettingsPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceFixture fixture;

    @Autowired
    ClinicSettings settings;

    @Autowired
    FeePolicy fees;

    @Test
    void showsTheOwnerTheDetailsAndTheFeesInEnglishAndSpanish() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);

        mvc.perform(get("/staff/settings/clinic?lang=en").with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Clinic details and fees"),
                                containsString("(310) 555-0142"),
                                containsString("Late if cancelled less than this many hours before"),
                                containsString("applies to cancellations and no-shows recorded from then on"),
                                containsString("name=\"_csrf\""))));
        mvc.perform(get("/staff/settings/clinic?lang=es").with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Datos de la clínica y cargos"),
                                containsString("Cargos por cancelación y ausencia"))));
    }

    @Test
    void badValuesAreShownBesideTheirFieldsAndChangeNothing() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);
        ClinicSettings.Current before = settings.current();

        mvc.perform(post("/staff/settings/clinic?lang=en")
                        .with(user(owner).roles("OWNER"))
                        .with(csrf())
                        .param("version", String.valueOf(before.version()))
                        .param("name", "Clinic")
                        .param("shortName", "Clinic")
                        .param("centerName", "")
                        .param("phone", "555")
                        .param("contactEmail", "nobody")
                        .param("street", "1 Main St")
                        .param("city", "Torrance")
                        .param("region", "CA")
                        .param("postalCode", "90501"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("Give a valid US phone number"),
                                containsString("Give an e-mail address like"))));
        assertThat(settings.current()).isEqualTo(before);

        FeePolicy.Current policy = fees.current();
        mvc.perform(post("/staff/settings/clinic/fees?lang=en")
                        .with(user(owner).roles("OWNER"))
                        .with(csrf())
                        .param("version", String.valueOf(policy.version()))
                        .param("serviceIds", "swedish")
                        .param("cancelHours", "twelve")
                        .param("lateCancel", "150")
                        .param("noShow", "50"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(containsString("Give a whole number."), containsString("value=\"twelve\""))));
        mvc.perform(post("/staff/settings/clinic/fees?lang=en")
                        .with(user(owner).roles("OWNER"))
                        .with(csrf())
                        .param("version", String.valueOf(policy.version()))
                        .param("serviceIds", "swedish")
                        .param("cancelHours", "12")
                        .param("lateCancel", "150")
                        .param("noShow", "50"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Give 0 to 100 %.")));
        assertThat(fees.current()).isEqualTo(policy);
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedAndSaysSo() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);
        FeePolicy.Current policy = fees.current();
        FeeRules swedish = policy.rules().get("swedish");

        mvc.perform(post("/staff/settings/clinic/fees?lang=en")
                        .with(user(owner).roles("OWNER"))
                        .with(csrf())
                        .param("version", String.valueOf(policy.version() - 1))
                        .param("serviceIds", "swedish")
                        .param("cancelHours", "99")
                        .param("lateCancel", "1")
                        .param("noShow", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else changed the fees")));
        assertThat(fees.rules("swedish")).isEqualTo(swedish);
    }

    @ParameterizedTest
    @EnumSource(names = {"FRONT_DESK", "THERAPIST"})
    void isTheOwnersOnly(StaffRole role) throws Exception {
        String member = fixture.staffMember(role);
        mvc.perform(get("/staff/settings/clinic").with(user(member).roles(role.name())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/settings/clinic")
                        .with(user(member).roles(role.name()))
                        .with(csrf())
                        .param("version", "0")
                        .param("phone", "(213) 555-0199"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/settings/clinic/fees")
                        .with(user(member).roles(role.name()))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSaveWithoutItsCsrfTokenIsRefused() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);
        mvc.perform(post("/staff/settings/clinic")
                        .with(user(owner).roles("OWNER"))
                        .param("version", "0"))
                .andExpect(status().isForbidden());
    }
}
