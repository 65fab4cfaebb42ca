package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner keeps each therapist's legal names, credential, NPI and taxonomy; claims carry them. */
@ReliefTest
@WithMockUser(username = "owner@example.com", roles = "OWNER")
class RenderingProviderPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

    @Autowired
    ClaimFiles files;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppointmentBook book;

    @Autowired
    Clock clock;

    UUID okafor;

    Authentication signedIn;

    /** A MockMvc request ends with no one signed in on the test's thread; the audited API needs someone. */
    void signInAgain() {
        SecurityContextHolder.getContext().setAuthentication(signedIn);
    }

    @BeforeEach
    void setUp() {
        signedIn = SecurityContextHolder.getContext().getAuthentication();
        okafor = staff.createOrUpdate(new NewStaffMember(
                        "okafor-" + UUID.randomUUID() + "@example.com",
                        "James Okafor, CMT",
                        StaffRole.THERAPIST,
                        "long enough password",
                        "California Certified Massage Therapist",
                        "CAMTC 777",
                        null,
                        null,
                        false))
                .id();
    }

    @Test
    void readsTheCredentialApartFromTheNameUntilTheOwnerEntersTheTherapistsIdentity() throws Exception {
        mvc.perform(get("/staff/insurance/therapists"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Okafor, James")))
                .andExpect(content().string(containsString("(CMT)")));
        mvc.perform(get("/staff/settings")).andExpect(content().string(containsString("/staff/insurance/therapists")));
        mvc.perform(get("/staff/insurance/therapists")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAWrongNpiAndPutsTheSavedIdentityOnTheClaim() throws Exception {
        mvc.perform(post("/staff/insurance/therapists/" + okafor)
                        .with(csrf())
                        .param("firstName", "James")
                        .param("lastName", "Okafor")
                        .param("credential", "CMT")
                        .param("npi", "1679576723")
                        .param("taxonomy", "174400000X"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("This is not a valid NPI")));
        mvc.perform(post("/staff/insurance/therapists/" + okafor)
                        .with(csrf())
                        .param("firstName", "James")
                        .param("lastName", "Okafor")
                        .param("credential", "CMT")
                        .param("npi", "1679576722")
                        .param("taxonomy", "174400000x"))
                .andExpect(redirectedUrl("/staff/insurance/therapists"));

        signInAgain();
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(10)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(10)));
        UUID visit =
                fixture.completed(patient, okafor, "trigger-point", 60, InsuranceFixture.at(today.minusDays(1), 11));
        Claim claim = desk.markReady(desk.draft(visit).id());

        String x12 = files.x12Of(claim.id());

        assertThat(x12).contains("NM1*82*1*OKAFOR*JAMES****XX*1679576722~\nPRV*PE*PXC*174400000X~");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);
        desk.reopen(claim.id());
    }
}
