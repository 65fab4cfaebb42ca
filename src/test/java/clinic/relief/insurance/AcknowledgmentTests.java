package clinic.relief.insurance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 999 and 277CA files from public examples, adapted to our claim ids, move the claims they name. */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class AcknowledgmentTests {

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

    @Autowired
    ClaimFiles files;

    @Autowired
    Acknowledgments acknowledgments;

    @Autowired
    X12FileStore log;

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
    MockMvc mvc;

    @Autowired
    ClaimExportStore exports;

    Claim a;
    Claim b;

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
        desk.ofPatient(patient).forEach(c -> desk.markReady(c.id()));
        files.submitReady().orElseThrow();
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

    /** A 999 of ours answering the group and sets the claims went out in. */
    String answering(String name, Claim first, Claim second) {
        ClaimExportStore.Sent sentA = exports.sentOf(first.id()).get(0);
        ClaimExportStore.Sent sentB = exports.sentOf(second.id()).get(0);
        assertThat(sentB.group()).isEqualTo(sentA.group());
        return example(name)
                .replace("{GROUP}", String.valueOf(sentA.group()))
                .replace("{SET_A}", sentA.set())
                .replace("{SET_B}", sentB.set());
    }

    /**
     * The claim ids of the set the claim went out in: a and b, and any claim another test left ready (the batch
     * sends every ready claim).
     */
    List<String> carried(Claim claim) {
        ClaimExportStore.Sent sent = exports.sentOf(claim.id()).get(0);
        List<String> ids = exports.claimsOf(sent.group(), sent.set()).stream()
                .map(id -> desk.get(id).claimId())
                .toList();
        assertThat(ids).contains(a.claimId(), b.claimId());
        return ids;
    }

    @Test
    void theBatchRecordsItsInterchangeGroupAndSetControlNumbersWithItsClaims() {
        ClaimExportStore.Sent sent = exports.sentOf(a.id()).get(0);

        assertThat(exports.sentOf(b.id())).first().isEqualTo(sent);
        assertThat(exports.claimsOf(sent.group(), sent.set())).contains(a.id(), b.id());
        String x12 = jdbc.sql("select file from insurance_claim_batch where interchange = :n")
                .param("n", sent.interchange())
                .query(String.class)
                .single();
        assertThat(x12)
                .contains(
                        "*00501*" + String.format("%09d", sent.interchange()) + "*",
                        "*" + sent.group() + "*X*005010X222A1~",
                        "ST*837*" + sent.set() + "*005010X222A1~");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);
    }

    @Test
    void anAccepted999MovesEveryClaimOfTheSetItNamesWithoutCtx() {
        String file = answering("999-accepted.txt", a, b);

        var read = acknowledgments.importFile(file, X12File.Source.UPLOAD, "accepted.999");

        assertThat(read.accepted()).containsExactlyInAnyOrderElementsOf(carried(a));
        assertThat(read.rejected()).isEmpty();
        assertThat(read.unmatchedSets()).isEmpty();
        for (Claim claim : List.of(a, b)) {
            Claim now = desk.get(claim.id());
            assertThat(now.state()).isEqualTo(ClaimState.SUBMITTED);
            assertThat(now.acknowledgment()).isEqualTo("ACCEPTED_999");
        }
    }

    @Test
    void aRejectedSetRejectsEveryClaimItCarriedWithTheSegmentAndElementInError() {
        String file = answering("999-rejected.txt", a, b);

        var read = acknowledgments.importFile(file, X12File.Source.UPLOAD, "rejected.999");

        assertThat(read.setsRejected()).isEqualTo(1);
        assertThat(read.rejected()).containsExactlyInAnyOrderElementsOf(carried(a));
        for (Claim claim : List.of(a, b)) {
            Claim now = desk.get(claim.id());
            assertThat(now.state()).isEqualTo(ClaimState.DRAFT);
            assertThat(now.acknowledgment()).isEqualTo("REJECTED_999");
            assertThat(now.acknowledgmentCodes())
                    .isEqualTo("set answer R; segment CLM at position 22 (error 8); element 2 (error 1)");
        }
    }

    @Test
    void aRejected999sCodesShowWithTheirMeaningOnTheClaimAndInTheFileLogInEnglishAndSpanish() throws Exception {
        String file = answering("999-rejected.txt", a, b).replace("IK4*2*782*1~", "IK4*2*782*Q7~");

        acknowledgments.importFile(file, X12File.Source.UPLOAD, "rejected.999");

        assertThat(desk.get(a.id()).acknowledgmentCodes())
                .isEqualTo("set answer R; segment CLM at position 22 (error 8); element 2 (error Q7)");
        mvc.perform(get("/staff/insurance/claims/" + a.id()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("segment CLM at position 22 (error 8)")))
                .andExpect(content().string(containsString("Transaction set answer</span> <strong>R</strong>:")))
                .andExpect(content().string(containsString("<span>Rejected</span>")))
                .andExpect(content().string(containsString("<span>Segment has data element errors</span>")))
                .andExpect(content().string(containsString("Element error</span> <strong>Q7</strong>:")))
                .andExpect(content().string(containsString("<span>unknown code</span>")));
        mvc.perform(get("/staff/insurance/claims/" + a.id()).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Rechazado</span>")))
                .andExpect(content()
                        .string(containsString("<span>El segmento tiene errores en sus elementos de datos</span>")))
                .andExpect(content().string(containsString("<span>código desconocido</span>")));
        mvc.perform(get("/staff/insurance/remittances").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Segment has data element errors</span>")));
    }

    @Test
    void aSetAnswerOfWRejectsItsClaimsAsRAndMDo() {
        String file = answering("999-rejected.txt", a, b).replace("IK5*R*5~", "IK5*W~");

        var read = acknowledgments.importFile(file, X12File.Source.UPLOAD, "assurance.999");

        assertThat(read.setsRejected()).isEqualTo(1);
        assertThat(read.rejected()).containsExactlyInAnyOrderElementsOf(carried(a));
        assertThat(desk.get(a.id()).state()).isEqualTo(ClaimState.DRAFT);
        assertThat(desk.get(a.id()).acknowledgmentCodes()).startsWith("set answer W; segment CLM");
    }

    @Test
    void aWholeGroupRejectionShowsTheGroupAnswerAndItsErrorCodeInWords() throws Exception {
        acknowledgments.importFile(answering("999-group-rejected.txt", a, b), X12File.Source.UPLOAD, "group.999");

        mvc.perform(get("/staff/insurance/claims/" + a.id()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Functional group answer</span> <strong>R</strong>:")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<span>Group control number in the functional group header and trailer do not agree</span>")));
    }

    @Test
    void a277caRejectionShowsItsStatusInSpanishAndNo999Codes() throws Exception {
        acknowledgments.importFile(example("277CA-rejected.txt"), X12File.Source.UPLOAD, "r.277");

        mvc.perform(get("/staff/insurance/claims/" + b.id()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("class=\"ack-codes\""))));
        mvc.perform(get("/staff/insurance/claims/" + b.id()).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Acuse: rechazada por información no válida;")))
                .andExpect(content().string(not(containsString("class=\"ack-codes\""))));
    }

    @Test
    void aPartlyAcceptedGroupAcceptsOneSetsClaimsAndRejectsTheOthers() throws Exception {
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        UUID therapist = fixture.therapist();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(20)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(20)));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(6), 10));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(5), 10));
        desk.ofPatient(patient).forEach(c -> desk.markReady(c.id()));
        files.submitBatch(1).orElseThrow();
        Claim second = desk.ofPatient(patient).get(0);
        Claim first = desk.ofPatient(patient).get(1);
        assertThat(exports.sentOf(first.id()).get(0).set())
                .isNotEqualTo(exports.sentOf(second.id()).get(0).set());
        String file =
                answering("999-partly-accepted-group.txt", first, second).replace("{SET_B_CLAIM}", second.claimId());

        var read = acknowledgments.importFile(file, X12File.Source.UPLOAD, "partial.999");

        assertThat(read.setsAccepted()).isEqualTo(1);
        assertThat(read.setsRejected()).isEqualTo(1);
        assertThat(read.accepted()).containsExactly(first.claimId());
        assertThat(read.rejected()).containsExactly(second.claimId());
        assertThat(desk.get(first.id()).acknowledgment()).isEqualTo("ACCEPTED_999");
        assertThat(desk.get(first.id()).state()).isEqualTo(ClaimState.SUBMITTED);
        Claim rejected = desk.get(second.id());
        assertThat(rejected.state()).isEqualTo(ClaimState.DRAFT);
        assertThat(rejected.acknowledgmentCodes()).isEqualTo("set answer R; segment REF at position 57 (error 3)");
        mvc.perform(get("/staff/insurance/claims/" + second.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("segment REF at position 57 (error 3)")));
    }

    @Test
    void aWholeGroupRejectedWithoutSetsRejectsEveryClaimOfTheGroup() {
        String file = answering("999-group-rejected.txt", a, b);

        var read = acknowledgments.importFile(file, X12File.Source.UPLOAD, "group.999");

        assertThat(read.rejected()).containsExactlyInAnyOrderElementsOf(carried(a));
        assertThat(desk.get(a.id()).acknowledgmentCodes()).isEqualTo("functional group rejected, answer R (error 4)");
        assertThat(desk.get(b.id()).state()).isEqualTo(ClaimState.DRAFT);
    }

    @Test
    void a999ForAGroupNotSentFromHereIsListedAndTheRestOfTheFileApplies() throws Exception {
        String ours = answering("999-accepted.txt", a, b);
        String unknown = example("999-rejected.txt")
                .replace("{GROUP}", "999999999")
                .replace("{SET_A}", "0001")
                .replace("CTX*CLM01:" + a.claimId() + "~\n", "")
                .replace("SE*9*", "SE*8*");
        String both = ours.substring(0, ours.indexOf("GE*"))
                + unknown.substring(unknown.indexOf("ST*999"), unknown.indexOf("GE*"))
                + "GE*2*287~\nIEA*1*000000286~\n";

        var read = acknowledgments.importFile(both, X12File.Source.UPLOAD, "mixed.999");

        assertThat(read.unmatchedSets()).containsExactly("group 999999999 set 0001");
        assertThat(read.accepted()).containsExactlyInAnyOrderElementsOf(carried(a));
        assertThat(desk.get(a.id()).acknowledgment()).isEqualTo("ACCEPTED_999");
        assertThat(desk.get(b.id()).state()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(log.recent(1)).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(X12File.Outcome.POSTED);
            assertThat(f.detail()).contains("not sent from here group 999999999 set 0001");
        });
        mvc.perform(multipart("/staff/insurance/remittances")
                        .file(new MockMultipartFile("file", "mixed.999", "text/plain", both.getBytes()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("group 999999999 set 0001")));
    }

    @Test
    void aRejectedSetOfA999SendsItsClaimBackToDraftWithTheSegmentInError() {
        var read = acknowledgments.importFile(example("999-partly-accepted.txt"), X12File.Source.UPLOAD, "ack.999");

        assertThat(read.type()).isEqualTo("999");
        assertThat(read.setsAccepted()).isEqualTo(1);
        assertThat(read.setsRejected()).isEqualTo(2);
        assertThat(read.rejected()).containsExactly(a.claimId());
        assertThat(read.unmatched()).containsExactly("987654321");
        Claim rejected = desk.get(a.id());
        assertThat(rejected.state()).isEqualTo(ClaimState.DRAFT);
        assertThat(rejected.acknowledgment()).isEqualTo("REJECTED_999");
        assertThat(rejected.acknowledgmentCodes()).contains("segment CLM at position 22", "element 2");
        assertThat(log.recent(1)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(X12File.Kind.ACKNOWLEDGMENT_999);
            assertThat(f.detail()).contains("sets accepted 1, rejected 2", "set 002");
        });
    }

    @Test
    void a277caAcceptsOneClaimAndRejectsTheOtherWithItsStatusCodes() {
        var accepted = acknowledgments.importFile(example("277CA-accepted.txt"), X12File.Source.UPLOAD, "a.277");
        var rejected = acknowledgments.importFile(example("277CA-rejected.txt"), X12File.Source.UPLOAD, "r.277");

        assertThat(accepted.accepted()).containsExactly(a.claimId());
        assertThat(rejected.rejected()).containsExactly(b.claimId());
        Claim withPayer = desk.get(a.id());
        assertThat(withPayer.state()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(withPayer.acknowledgment()).isEqualTo("ACCEPTED_277CA");
        assertThat(withPayer.acknowledgmentCodes()).isEqualTo("A2:20");
        assertThat(withPayer.payerClaimNumber()).isEqualTo("1107000000014420");
        Claim back = desk.get(b.id());
        assertThat(back.state()).isEqualTo(ClaimState.DRAFT);
        assertThat(back.acknowledgmentCodes()).isEqualTo("A7:562:85");
    }

    @Test
    void theAgingReportShowsEachOpenClaimsAcknowledgment() throws Exception {
        acknowledgments.importFile(example("277CA-accepted.txt"), X12File.Source.UPLOAD, "a.277");

        String aging = mvc.perform(get("/staff/insurance/aging"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(row(aging, a.claimId())).contains("Accepted by the payer (277CA)");
        assertThat(row(aging, b.claimId())).doesNotContain("Accepted", "Rejected");
    }

    @Test
    void aRejectedClaimSentAgainWaitsForItsNewAcknowledgmentInsteadOfShowingTheOldRejection() throws Exception {
        acknowledgments.importFile(example("277CA-rejected.txt"), X12File.Source.UPLOAD, "r.277");
        assertThat(desk.get(b.id()).state()).isEqualTo(ClaimState.DRAFT);

        desk.markReady(b.id());
        files.submitReady().orElseThrow();

        Claim again = desk.get(b.id());
        assertThat(again.state()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(again.acknowledgment()).isEmpty();
        assertThat(again.acknowledgmentCodes()).isEmpty();
        String aging = mvc.perform(get("/staff/insurance/aging"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(row(aging, b.claimId())).doesNotContain("Rejected", "A7:562:85");
        mvc.perform(get("/staff/insurance/claims/" + b.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("A7:562:85"))));
    }

    /** The aging table's row of a claim, from its id's cell to the end of the row. */
    private static String row(String page, String claimId) {
        int start = page.indexOf("<td>" + claimId + "</td>");
        assertThat(start).as("a row for %s", claimId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void anAcknowledgmentCutShortIsRefusedAndLogged() {
        String file = example("277CA-accepted.txt");

        assertThatThrownBy(() -> acknowledgments.importFile(
                        file.substring(0, file.length() - 40), X12File.Source.UPLOAD, "cut.277"))
                .isInstanceOfSatisfying(
                        UnreadableRemittance.class, u -> assertThat(u.reason()).isEqualTo("truncated"));
        assertThat(desk.get(a.id()).acknowledgment()).isEmpty();
        assertThat(log.recent(1).get(0).outcome()).isEqualTo(X12File.Outcome.REFUSED);
    }

    @Test
    void theUploadFormReadsAnAcknowledgmentAndTheClaimPageShowsIt() throws Exception {
        mvc.perform(multipart("/staff/insurance/remittances")
                        .file(new MockMultipartFile(
                                "file",
                                "r.277",
                                "text/plain",
                                example("277CA-rejected.txt").getBytes()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(b.claimId())));
        mvc.perform(get("/staff/insurance/claims/" + b.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A7:562:85")))
                .andExpect(content()
                        .string(containsString(
                                "Acknowledgement: rejected for invalid information; Entity&#39;s National Provider"
                                        + " Identifier (NPI); Billing provider")));
    }
}
