package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class InsurancePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

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

    InsuranceFixture fixture;
    LocalDate today;
    UUID patient;

    @BeforeEach
    void setUp() {
        fixture = new InsuranceFixture(patients, staff, jdbc, book);
        today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        patient = fixture.patient();
    }

    @Test
    void therapistsSeeNoInsurancePage() throws Exception {
        mvc.perform(get("/staff/insurance/patients/" + patient)
                        .with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/insurance").with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theClaimsAddressLeadsToTheClaimsListKeepingTheState() throws Exception {
        mvc.perform(get("/staff/insurance/claims").with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/staff/insurance"));
        mvc.perform(get("/staff/insurance/claims")
                        .param("state", "PAID")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/staff/insurance?state=PAID"));
        mvc.perform(get("/staff/insurance/claims").with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsLocalizedFieldErrorsOnTheCoverageForm() throws Exception {
        mvc.perform(post("/staff/insurance/patients/" + patient + "/coverage")
                        .with(csrf())
                        .param("payerName", "Aetna")
                        .param("copay", "-5")
                        .param("coinsurancePercent", "20")
                        .param("subscriberZip", "9027")
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No puede ser negativo.")))
                .andExpect(content().string(containsString("Use un código postal de cinco dígitos")));
        mvc.perform(post("/staff/insurance/patients/" + patient + "/coverage")
                        .with(csrf())
                        .param("payerName", "Aetna")
                        .param("coinsurancePercent", "abc")
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Escriba un número, como 25.00.")));
        assertThat(jdbc.sql("select count(*) from insurance_coverage where patient_id = :p")
                        .param("p", patient)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesARetiredDiagnosisOnThePrescriptionFormNamingTheReplacements() throws Exception {
        mvc.perform(post("/staff/insurance/patients/" + patient + "/prescription")
                        .with(csrf())
                        .param("referringFirstName", "Alan")
                        .param("referringLastName", "Grant")
                        .param("referringNpi", "1234567890")
                        .param("diagnoses", "M54.5")
                        .param("frequency", "weekly")
                        .param("durationWeeks", "6")
                        .param("writtenOn", today.toString())
                        .param("expiresOn", today.plusDays(30).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The NPI 1234567890 has a wrong check digit")));
        mvc.perform(post("/staff/insurance/patients/" + patient + "/prescription")
                        .with(csrf())
                        .param("referringFirstName", "Alan")
                        .param("referringLastName", "Grant")
                        .param("referringNpi", "1234567893")
                        .param("diagnoses", "M54.5")
                        .param("frequency", "weekly")
                        .param("durationWeeks", "6")
                        .param("writtenOn", today.toString())
                        .param("expiresOn", today.plusDays(30).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("M54.5 cannot be billed")))
                .andExpect(content().string(containsString("M54.50, M54.51, M54.59")));
    }

    @Test
    void showsWarningsOnThePatientsPage() throws Exception {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today));

        mvc.perform(get("/staff/insurance/patients/" + patient))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No prescription on file")))
                .andExpect(content().string(containsString("Blue Shield of California")));
    }

    @Test
    void answersConflictForAClaimOfAnAppointmentThatIsNotCompleted() throws Exception {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(3)));
        UUID visit = fixture.checkedIn(
                patient, fixture.therapist(), "trigger-point", 60, InsuranceFixture.at(today.minusDays(1), 15));

        mvc.perform(post("/staff/insurance/claims").with(csrf()).param("appointment", visit.toString()))
                .andExpect(status().isConflict());
    }

    @Test
    void downloadsTheClaimsFilesOnceReady() throws Exception {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(3)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(3)));
        fixture.completed(patient, fixture.therapist(), "deep-tissue", 60, InsuranceFixture.at(today.minusDays(1), 16));
        Claim claim = desk.ofPatient(patient).get(0);

        mvc.perform(get("/staff/insurance/claims/" + claim.id() + "/837")).andExpect(status().isConflict());
        mvc.perform(post("/staff/insurance/claims/" + claim.id() + "/ready").with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/insurance/claims/" + claim.id()))
                .andExpect(content().string(containsString("M54.50, M62.838")));
        String x12 = mvc.perform(get("/staff/insurance/claims/" + claim.id() + "/837"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(content().string(startsWith("ISA*00*")))
                .andExpect(content().string(containsString("CLM*" + claim.claimId() + "*100.00")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        IndependentX12Reader.assertParses(x12);
        assertThat(x12).contains("NM1*85*2*MASSAGE REVOLUTION THERAPEUTIC MASSAGE LLC*");
        byte[] form = mvc.perform(get("/staff/insurance/claims/" + claim.id() + "/cms1500.pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(form)) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .as("boxes 32 and 33 print the profile's form name, not the legal name cut")
                    .contains("MASSAGE REVOLUTION LLC")
                    .doesNotContain("THERAPEUTI");
        }
        mvc.perform(get("/staff/insurance/claims/" + claim.id() + "/cms1500-preview.pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/staff/insurance/claims/" + claim.id()))
                .andExpect(content().string(containsString("/cms1500-preview.pdf")));
        mvc.perform(get("/staff/insurance/aging.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("claim,service_date,submitted_on,state,days,bucket")));
    }

    @Test
    void refusesAnUnreadableRemittanceWithoutPostingAnything() throws Exception {
        mvc.perform(multipart("/staff/insurance/remittances")
                        .file(new MockMultipartFile("file", "x.835", "text/plain", "not an 835".getBytes()))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was posted")));
    }
}
