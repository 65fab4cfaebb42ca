package clinic.relief.workspace.settings;

import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.clinic.CatalogueEntry;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.staff.StaffRole;
import clinic.relief.workspace.WorkspaceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner's services and prices page: adding, editing and retiring a service, what bad input and a stale form get
 * (a localized message beside the field, nothing changed), and that nobody else may open it.
 */
@ReliefTest
class ServiceSettingsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceFixture fixture;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private String owner;
    private String id;

    @BeforeEach
    void anOwnerAddsAService() throws Exception {
        owner = fixture.staffMember(StaffRole.OWNER);
        id = "s" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(form(post("/staff/settings/services"), "Page test", "Prueba", "60", "100.00", null)
                        .param("id", id))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/settings/services/" + id));
    }

    @AfterEach
    void retireIt() {
        CatalogueEntry entry = catalogue.entry(id);
        if (!entry.retired()) {
            catalogue.retire(id, entry.version(), "tests");
        }
    }

    /** Its own fee entry, as the profile's services have, rather than none until the owner saves the fee policy. */
    @Test
    void anAddedServiceGetsItsOwnFeeEntryWithTheConfiguredDefaults() {
        EventsHandled.awaitAll(jdbc);

        assertThat(jdbc.sql("""
                        select cancel_window_hours || '/' || late_cancel_percent || '/' || no_show_percent
                        from booking_fee_policy where service_id = :id""").param("id", id).query(String.class).optional()).contains("24/50/100");
    }

    @Test
    void theOwnerChangesAPriceAndTheMenuShowsIt() throws Exception {
        mvc.perform(form(post("/staff/settings/services/" + id), "Page test", "Prueba", "60", "125.50", 0))
                .andExpect(status().isFound());

        assertThat(catalogue.entry(id).service().pricesByLength().get(60)).isEqualByComparingTo("125.50");
        mvc.perform(get("/staff/settings/services?lang=en").with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Page test"), containsString("$125.50"))));
        mvc.perform(get("/staff/settings/services/" + id + "?lang=es")
                        .with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Servicio: Prueba"), containsString("lo editó"))));
    }

    @Test
    void badValuesGetAMessageBesideTheFieldInTheReadersLanguageAndChangeNothing() throws Exception {
        mvc.perform(form(post("/staff/settings/services/" + id + "?lang=es"), "", "Prueba", "60", "-5", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("Complete este campo."),
                                containsString("Un precio no puede ser negativo."))));
        mvc.perform(form(post("/staff/settings/services/" + id + "?lang=en"), "Page test", "Prueba", "60", "1e400", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("A price is in dollars and cents")));
        mvc.perform(form(post("/staff/settings/services/" + id + "?lang=en"), "Page test", "Prueba", "9999", "1", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("A length is 10 to 480 minutes")));

        assertThat(catalogue.entry(id).version()).isZero();
        assertThat(catalogue.entry(id).service().pricesByLength().get(60)).isEqualByComparingTo("100.00");
    }

    @Test
    void aSaveFromAStaleFormIsToldTheServiceChangedAndChangesNothing() throws Exception {
        mvc.perform(form(post("/staff/settings/services/" + id), "First", "Primero", "60", "110", 0))
                .andExpect(status().isFound());

        mvc.perform(form(post("/staff/settings/services/" + id + "?lang=en"), "Second", "Segundo", "60", "90", 0))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else changed this service")));

        assertThat(catalogue.entry(id).service().pricesByLength().get(60)).isEqualByComparingTo("110");
    }

    @Test
    void aRetiredServiceLeavesTheBookingPagesButStaysInTheMenu() throws Exception {
        mvc.perform(post("/staff/settings/services/" + id + "/retire")
                        .param("version", "0")
                        .with(csrf())
                        .with(user(owner).roles("OWNER")))
                .andExpect(status().isFound());

        assertThat(catalogue.entry(id).retired()).isTrue();
        mvc.perform(get("/services?lang=en")).andExpect(content().string(not(containsString("Page test"))));
        mvc.perform(get("/staff/settings/services?lang=en").with(user(owner).roles("OWNER")))
                .andExpect(content().string(allOf(containsString("Page test"), containsString("Retired"))));
    }

    @ParameterizedTest
    @EnumSource(names = {"FRONT_DESK", "THERAPIST"})
    void onlyTheOwnerOpensOrChangesServices(StaffRole role) throws Exception {
        String other = fixture.staffMember(role);
        mvc.perform(get("/staff/settings/services").with(user(other).roles(role.name())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/settings/services/" + id).with(user(other).roles(role.name())))
                .andExpect(status().isForbidden());
        mvc.perform(form(post("/staff/settings/services/" + id), "Taken", "Tomado", "60", "1", 0)
                        .with(user(other).roles(role.name())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/settings/services/" + id + "/retire")
                        .param("version", "0")
                        .with(csrf())
                        .with(user(other).roles(role.name())))
                .andExpect(status().isForbidden());

        assertThat(catalogue.entry(id).version()).isZero();
        assertThat(catalogue.entry(id).retired()).isFalse();
    }

    private MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request,
            String nameEn,
            String nameEs,
            String minutes,
            String price,
            Integer version) {
        request.param("nameEn", nameEn)
                .param("nameEs", nameEs)
                .param("summaryEn", "")
                .param("summaryEs", "")
                .param("minutes", minutes, "")
                .param("prices", price, "")
                .with(csrf())
                .with(user(owner).roles("OWNER"));
        if (version != null) {
            request.param("version", String.valueOf(version));
        }
        return request;
    }
}
