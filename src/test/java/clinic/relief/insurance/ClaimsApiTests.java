package clinic.relief.insurance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.staff.ApiTokens;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The claims API with bearer tokens: claims by state, one with its history, its 837P, posting X12 files. */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class ClaimsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

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

    @Autowired
    ClaimExportStore exports;

    Claim a;
    Claim b;
    ClaimBatch batch;

    @BeforeEach
    void twoSubmittedClaims() {
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        UUID therapist = fixture.therapist();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(20)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(20)));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(4), 10));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(3), 10));
        files.submitReady();
        desk.ofPatient(patient).forEach(c -> desk.markReady(c.id()));
        batch = files.submitBatch().orElseThrow();
        var claims = desk.ofPatient(patient);
        b = claims.get(0);
        a = claims.get(1);
    }

    String example(String name) {
        try (InputStream in = getClass().getResourceAsStream("/insurance/x12/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{A}", a.claimId())
                    .replace("{B}", b.claimId());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFrontDeskTokenListsReadsExportsAndPostsClaims() throws Exception {
        String token = "Bearer "
                + tokens.issue("Billing service", StaffRole.FRONT_DESK, "owner@example.com")
                        .token();

        mvc.perform(get("/api/insurance/claims").param("state", "SUBMITTED").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].claimId", hasItem(a.claimId())));
        mvc.perform(get("/api/insurance/claims/{id}", a.id()).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claim.claimId").value(a.claimId()))
                .andExpect(jsonPath("$.claim.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.payments").isArray());
        String x12 = mvc.perform(get("/api/insurance/claims/{id}/837", a.id()).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CLM*" + a.claimId())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);

        mvc.perform(post("/api/insurance/x12")
                        .header("Authorization", token)
                        .contentType("application/edi-x12")
                        .content(example("277CA-accepted.txt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("277CA"))
                .andExpect(jsonPath("$.accepted[0]").value(a.claimId()));
        mvc.perform(get("/api/insurance/claims/{id}", a.id()).header("Authorization", token))
                .andExpect(jsonPath("$.claim.acknowledgment").value("ACCEPTED_277CA"));
    }

    @Test
    void anOwnerTokenExportsTheBatchAndPostsA999AndAn835() throws Exception {
        String token = "Bearer "
                + tokens.issue("Billing service", StaffRole.OWNER, "owner@example.com")
                        .token();

        String x12 = mvc.perform(
                        get("/api/insurance/batches/{id}/837", batch.id()).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/edi-x12"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(x12).contains("CLM*" + a.claimId() + "*", "CLM*" + b.claimId() + "*");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);

        ClaimExportStore.Sent sent = exports.sentOf(a.id()).get(0);
        String accepted = example("999-accepted.txt")
                .replace("{GROUP}", String.valueOf(sent.group()))
                .replace("{SET_A}", sent.set());
        mvc.perform(post("/api/insurance/x12")
                        .header("Authorization", token)
                        .contentType("application/edi-x12")
                        .content(accepted))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("999"))
                .andExpect(jsonPath("$.accepted", hasItem(a.claimId())));
        mvc.perform(post("/api/insurance/x12")
                        .header("Authorization", token)
                        .contentType("application/edi-x12")
                        .content(example("835-payer-mix.txt").replace("TRN*1*", "TRN*1*" + a.claimId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("835"))
                .andExpect(jsonPath("$.posted").value(2))
                .andExpect(jsonPath("$.unmatched", hasItem("999999")));
        mvc.perform(get("/api/insurance/claims/{id}", b.id()).header("Authorization", token))
                .andExpect(jsonPath("$.claim.state").value("PAID"))
                .andExpect(jsonPath("$.claim.patientShare").value(14.92))
                .andExpect(jsonPath("$.payments[0].adjustments[*].group", hasItem("PR")));
    }

    @Test
    void aClaimWhosePatientLostTheirDateOfBirthHasNo837AndTheProblemSaysWhatIsMissing() throws Exception {
        String token = "Bearer "
                + tokens.issue("Billing service", StaffRole.FRONT_DESK, "owner@example.com")
                        .token();
        jdbc.sql("update patient set date_of_birth = null where id = :id")
                .param("id", a.facts().patientId())
                .update();

        mvc.perform(get("/api/insurance/claims/{id}/837", a.id()).header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("date of birth")))
                .andExpect(jsonPath("$.missing[0]").value("PATIENT_BIRTH_DATE"));
    }

    @Test
    void aFileThatDoesNotReadIsA422ProblemAndPostsNothing() throws Exception {
        String token = "Bearer "
                + tokens.issue("Billing service", StaffRole.OWNER, "owner@example.com")
                        .token();
        String cut = example("277CA-accepted.txt");

        mvc.perform(post("/api/insurance/x12")
                        .header("Authorization", token)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(cut.substring(0, cut.length() - 40)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Nothing was posted")));
        mvc.perform(get("/api/insurance/claims/{id}", a.id()).header("Authorization", token))
                .andExpect(jsonPath("$.claim.acknowledgment").value(""));
    }

    @Test
    void aTherapistsTokenIsRefused() throws Exception {
        String token = "Bearer "
                + tokens.issue("Therapist app", StaffRole.THERAPIST, "owner@example.com")
                        .token();

        mvc.perform(get("/api/insurance/claims").param("state", "SUBMITTED").header("Authorization", token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
