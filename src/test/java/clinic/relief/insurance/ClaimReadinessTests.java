package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.Sex;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A claim is ready only when its note is signed, its day has passed and the patient's date of birth and sex are on
 * file; the desk collects both; a claim that lacks them never breaks an export, and a batch sends the others.
 */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class ClaimReadinessTests {

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

    InsuranceFixture fixture;
    LocalDate today;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new InsuranceFixture(patients, staff, jdbc, book);
        today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        therapist = fixture.therapist();
    }

    private int hour = 8;

    private Claim claimFor(UUID patient, CoverageForm coverage, int daysAgo, boolean signed) {
        insurance.recordCoverage(patient, coverage);
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(10)));
        var start = InsuranceFixture.at(today.minusDays(daysAgo), hour++);
        UUID visit = signed
                ? fixture.completed(patient, therapist, "trigger-point", 60, start)
                : fixture.completedUnsigned(patient, therapist, "trigger-point", 60, start);
        return desk.draft(visit);
    }

    @Test
    void aDependantWithoutDateOfBirthOrSexIsNotReadyAndTheClaimPageSaysWhatIsMissing() throws Exception {
        UUID patient = fixture.patientWithoutDemographics("José", "Núñez");
        Claim claim = claimFor(patient, InsuranceFixture.dependantCoverage(today.minusDays(10)), 2, true);

        assertThatThrownBy(() -> desk.markReady(claim.id()))
                .isInstanceOfSatisfying(
                        ClaimIncomplete.class,
                        e -> assertThat(e.missing())
                                .containsExactly(ClaimGap.PATIENT_BIRTH_DATE, ClaimGap.PATIENT_SEX));
        assertThat(desk.get(claim.id()).state()).isEqualTo(ClaimState.DRAFT);

        mvc.perform(post("/staff/insurance/claims/" + claim.id() + "/ready").with(csrf()))
                .andExpect(redirectedUrl("/staff/insurance/claims/" + claim.id()));
        mvc.perform(get("/staff/insurance/claims/" + claim.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The patient&#39;s date of birth")))
                .andExpect(content().string(containsString("The patient&#39;s sex")));
    }

    @Test
    void aClaimIsReadyOnlyOnceItsNoteIsSignedAndItsDayHasPassed() {
        UUID patient = fixture.patient();
        Claim unsigned = claimFor(patient, InsuranceFixture.coverage(today.minusDays(10)), 3, false);

        assertThatThrownBy(() -> desk.markReady(unsigned.id()))
                .isInstanceOfSatisfying(
                        ClaimIncomplete.class, e -> assertThat(e.missing()).containsExactly(ClaimGap.NOTE_NOT_SIGNED));
        fixture.signNote(unsigned.facts().appointmentId());
        assertThat(desk.markReady(unsigned.id()).state()).isEqualTo(ClaimState.READY);
        desk.reopen(unsigned.id());

        UUID visitToday = fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today, 6));
        Claim sameDay = desk.draft(visitToday);
        assertThatThrownBy(() -> desk.markReady(sameDay.id()))
                .isInstanceOfSatisfying(
                        ClaimIncomplete.class,
                        e -> assertThat(e.missing()).containsExactly(ClaimGap.SERVICE_DATE_NOT_PASSED));
    }

    @Test
    void theDeskRecordsDateOfBirthAndSexOnTheNewPatientFormAndOnTheChart() throws Exception {
        String last = "Okoye" + UUID.randomUUID().toString().substring(0, 6);
        MvcResult added = mvc.perform(post("/staff/schedule/patients")
                        .with(csrf())
                        .param("therapist", therapist.toString())
                        .param("date", today.plusDays(1).toString())
                        .param("time", "10:00")
                        .param("firstName", "Ada")
                        .param("lastName", last)
                        .param("phone", "310 555 0199")
                        .param("dateOfBirth", "2014-05-01")
                        .param("sex", "FEMALE")
                        .param("language", "en"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String url = added.getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(url.substring(url.indexOf("patient=") + 8).replaceAll("&.*", ""));
        Patient created = patients.get(id);
        assertThat(created.dateOfBirth()).isEqualTo(LocalDate.of(2014, 5, 1));
        assertThat(created.sex()).isEqualTo(Sex.FEMALE);

        mvc.perform(get("/staff/patients/" + id))
                .andExpect(content().string(containsString("name=\"sex\"")))
                .andExpect(content().string(containsString("value=\"FEMALE\" selected")));
        mvc.perform(post("/staff/patients/" + id + "/contact")
                        .with(csrf())
                        .param("firstName", "Ada")
                        .param("lastName", last)
                        .param("phone", "310 555 0199")
                        .param("dateOfBirth", "2014-05-02")
                        .param("sex", "MALE")
                        .param("language", "en"))
                .andExpect(redirectedUrl("/staff/patients/" + id));
        assertThat(patients.get(id).sex()).isEqualTo(Sex.MALE);
        assertThat(patients.get(id).dateOfBirth()).isEqualTo(LocalDate.of(2014, 5, 2));
    }

    @Test
    void aReadyClaimThatLostItsPatientsDateOfBirthIsHeldBackWhileTheBatchSendsTheOthers() throws Exception {
        UUID complete = fixture.patient();
        Claim good = claimFor(complete, InsuranceFixture.coverage(today.minusDays(10)), 2, true);
        UUID child = fixture.patient();
        Claim bad = claimFor(child, InsuranceFixture.dependantCoverage(today.minusDays(10)), 2, true);
        desk.markReady(good.id());
        desk.markReady(bad.id());
        Patient before = patients.get(child);
        mvc.perform(post("/staff/patients/" + child + "/contact")
                        .with(csrf())
                        .param("firstName", before.firstName())
                        .param("lastName", before.lastName())
                        .param("email", before.email())
                        .param("dateOfBirth", "")
                        .param("sex", "FEMALE")
                        .param("language", "en"))
                .andExpect(redirectedUrl("/staff/patients/" + child));

        mvc.perform(get("/staff/insurance/claims/" + bad.id() + "/837"))
                .andExpect(redirectedUrl("/staff/insurance/claims/" + bad.id()));
        MvcResult submitted = mvc.perform(post("/staff/insurance/submit").with(csrf()))
                .andExpect(redirectedUrlPattern("/staff/insurance/batches/*"))
                .andReturn();
        String batchUrl = submitted.getResponse().getRedirectedUrl();

        mvc.perform(get(batchUrl))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(bad.claimId())))
                .andExpect(content().string(containsString("The patient&#39;s date of birth")))
                .andExpect(content().string(not(containsString(">" + good.claimId() + "<"))));
        String file = mvc.perform(get(batchUrl + "/837"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(file).contains("CLM*" + good.claimId() + "*").doesNotContain("CLM*" + bad.claimId() + "*");
        assertThat(X12SituationalRules.broken(file)).isEmpty();
        IndependentX12Reader.assertParses(file);
        // (MockMvc's requests leave no one signed in on this thread: read without the audited get)
        assertThat(desk.ofPatient(complete)).extracting(Claim::state).containsExactly(ClaimState.SUBMITTED);
        assertThat(desk.ofPatient(child)).extracting(Claim::state).containsExactly(ClaimState.DRAFT);
    }

    @Test
    void theChartDraftsAClaimForAVisitCompletedBeforeTheCoverageWasEntered() throws Exception {
        UUID patient = fixture.patient();
        UUID early = fixture.completed(
                patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(20), 15));
        UUID visit =
                fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(3), 15));
        assertThat(desk.ofPatient(patient)).isEmpty();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(10)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(10)));

        mvc.perform(get("/staff/patients/" + patient))
                .andExpect(content().string(containsString("name=\"appointment\" value=\"" + visit + "\"")));
        mvc.perform(post("/staff/insurance/claims")
                        .with(csrf())
                        .param("appointment", visit.toString())
                        .param("patient", patient.toString()))
                .andExpect(redirectedUrlPattern("/staff/insurance/claims/*"));
        mvc.perform(post("/staff/insurance/claims")
                        .with(csrf())
                        .param("appointment", early.toString())
                        .param("patient", patient.toString()))
                .andExpect(redirectedUrl("/staff/insurance/patients/" + patient));

        assertThat(desk.ofPatient(patient))
                .singleElement()
                .satisfies(c -> assertThat(c.facts().appointmentId()).isEqualTo(visit));
    }

    @Test
    void aDependantsClaimCarriesTheirOwnSexAndDateOfBirth() {
        UUID child = fixture.patient();
        Claim claim = claimFor(child, InsuranceFixture.dependantCoverage(today.minusDays(10)), 2, true);
        desk.markReady(claim.id());

        String x12 = files.x12Of(claim.id());

        assertThat(x12)
                .contains("NM1*IL*1*NUNEZ PENA*LUIS****MI*XYZ987654321~\nNM1*PR*")
                .contains("PAT*19~\nNM1*QC*1*" + patients.get(child).lastName().toUpperCase())
                .contains("N4*LOS ANGELES*CA*90033~\nDMG*D8*19800402*F~")
                .doesNotContain("?");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);
        desk.reopen(claim.id());
    }
}
