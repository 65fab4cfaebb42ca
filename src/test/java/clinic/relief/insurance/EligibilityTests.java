package clinic.relief.insurance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Eligibility by X12: the 270 written for a coverage (checked against the guide's example with the same schema) and
 * 271s from public examples, adapted to our ids: an active coverage's terms updated, and a payer's AAA rejection, an
 * unknown member, a file cut short, of the wrong type or breaking the schema changing nothing and logged.
 */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class EligibilityTests {

    @Autowired
    Insurance insurance;

    @Autowired
    Eligibility eligibility;

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

    UUID patient;
    Coverage coverage;

    @BeforeEach
    void aCoverage() {
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        patient = fixture.patient();
        coverage = insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(20)));
    }

    static String example(String name, String trace, String member) {
        try (InputStream in = EligibilityTests.class.getResourceAsStream("/insurance/x12/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{TRACE}", trace)
                    .replace("{MEMBER}", member);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What StAEDI reports for the file against the schema: each error's segment and kind; empty when valid. */
    static List<String> errors(String x12, Schema schema) throws Exception {
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    reader.setTransactionSchema(schema);
                } else if (event.isError()) {
                    errors.add(reader.getLocation().getSegmentTag() + " " + reader.getErrorType());
                }
            }
        }
        return errors;
    }

    private Coverage reloaded() {
        return insurance.ofPatient(patient).coverages().get(0).coverage();
    }

    @Test
    void theGuidesOwn270AndOursBothPassThe270Schema() throws Exception {
        Schema schema = Eligibility270.schema("insurance/x12/270.xml");
        assertThat(errors(example("270-guide-example.txt", "", ""), schema)).isEmpty();

        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);

        assertThat(errors(request.content(), schema)).isEmpty();
        assertThat(request.content())
                .contains("ST*270*0001*005010X279A1~")
                .contains("NM1*PR*2*BLUE SHIELD OF CALIFORNIA*****PI*BS001~")
                .contains("NM1*1P*2*MASSAGE REVOLUTION THERAPEUTIC MASSAGE LLC*****XX*1245319599~")
                .contains("HL*3*2*22*0~")
                .contains("TRN*1*" + request.trace() + "*9")
                .contains("NM1*IL*1*INSURED*ROSA****MI*XYZ123456789~")
                .contains("DMG*D8*19800402*F~")
                .contains("EQ*30^AE^PT~");
        assertThat(errors(
                        example("271-active.txt", "TRACE1", "MEMBER1"), Eligibility270.schema("insurance/x12/271.xml")))
                .isEmpty();
        assertThat(log.recent(1)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(X12File.Kind.ELIGIBILITY_270);
            assertThat(f.outcome()).isEqualTo(X12File.Outcome.SENT);
        });
    }

    @Test
    void anActive271UpdatesTheCoveragesTermsAndRecordsTheCheckWithItsDate() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-active.txt", request.trace(), coverage.memberId());

        Eligibility.Imported imported = eligibility.importFile(
                new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "answer.271", file));

        assertThat(imported.checked()).containsExactly(new Eligibility.Checked(coverage.id(), true));
        Coverage now = reloaded();
        // The physical-medicine copay in network, not the office visit's $10 nor the out-of-network $60.
        assertThat(now.copay()).isEqualTo(Money.of("35.00"));
        assertThat(now.coinsurancePercent()).isEqualByComparingTo("10");
        assertThat(now.deductible()).isEqualTo(Money.of("500.00"));
        assertThat(now.deductibleRemaining()).isEqualTo(Money.of("120.00"));
        assertThat(now.visitsAllowed()).isEqualTo(VisitLimit.limited(20));
        assertThat(now.visitsLeft()).hasValue(14);
        EligibilityResult last =
                eligibility.ofPatient(patient).get(0).lastAnswer().orElseThrow();
        assertThat(last.active()).isTrue();
        assertThat(last.checkedAt()).isAfterOrEqualTo(clock.instant().minusSeconds(60));
        assertThat(last.planName()).isEqualTo("GOLD 123 PLAN");
        assertThat(last.visitsRemaining()).contains(14);
        assertThat(insurance.warnings(patient, LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA)))
                .noneMatch(w -> w.code().equals("eligibilityNotChecked"));
        assertThat(log.recent(1)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(X12File.Kind.ELIGIBILITY_271);
            assertThat(f.outcome()).isEqualTo(X12File.Outcome.POSTED);
        });
    }

    @Test
    void aPayersAaaRejectionOfAnUnknownMemberChangesNothingAndIsLogged() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-unknown-member.txt", request.trace(), coverage.memberId());

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "aaa.271", file)))
                .isInstanceOfSatisfying(EligibilityRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo("rejected");
                    assertThat(refused.codes()).containsExactly("75");
                });

        assertUnchanged("eligibility.rejected");
    }

    @Test
    void anAaaAfterTheSubscribersDmgReadsAndShowsTheReasonOnTheCoverage() throws Exception {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-aaa-after-dmg.txt", request.trace(), coverage.memberId());
        assertThat(errors(file, Eligibility270.schema("insurance/x12/271.xml"))).isEmpty();

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "dmg.271", file)))
                .isInstanceOfSatisfying(EligibilityRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo("rejected");
                    assertThat(refused.codes()).containsExactly("72");
                });

        assertUnchanged("eligibility.rejected");
        EligibilityRejection rejection =
                eligibility.ofPatient(patient).get(0).lastRejection().orElseThrow();
        assertThat(rejection.reasons()).containsExactly("72");
        assertThat(rejection.followUps()).containsExactly("C");
        assertThat(rejection.rejectedAt()).isAfterOrEqualTo(clock.instant().minusSeconds(60));
        mvc.perform(get("/staff/patients/{id}", patient))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The payer could not check this coverage")))
                .andExpect(content().string(containsString("AAA 72: member id invalid or missing")))
                .andExpect(content().string(containsString("Correct the request and send it again.")));
    }

    @Test
    void aDependantsAaaAfterItsDmgIsTheDependantsCoveragesOutcome() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-dependent-aaa.txt", request.trace(), coverage.memberId());

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "dep.271", file)))
                .isInstanceOfSatisfying(
                        EligibilityRefused.class,
                        refused -> assertThat(refused.codes()).containsExactly("73"));

        assertUnchanged("eligibility.rejected");
        assertThat(eligibility.ofPatient(patient).get(0).lastRejection())
                .hasValueSatisfying(r -> assertThat(r.reasons()).containsExactly("73"));
    }

    @Test
    void anAaaAfterAnEbIn2110cIsReadAsTheRequestsRejection() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-eb-aaa.txt", request.trace(), coverage.memberId());

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "eb.271", file)))
                .isInstanceOfSatisfying(
                        EligibilityRefused.class,
                        refused -> assertThat(refused.codes()).containsExactly("57"));

        assertUnchanged("eligibility.rejected");
        assertThat(eligibility.ofPatient(patient).get(0).lastRejection())
                .hasValueSatisfying(r -> assertThat(r.reasons()).containsExactly("57"));
    }

    @Test
    void aLater271ThatChecksTheCoverageClearsTheRejection() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        assertThatThrownBy(() -> eligibility.importFile(new X12File.Received(
                        X12File.Kind.ELIGIBILITY_271,
                        X12File.Source.UPLOAD,
                        "dmg.271",
                        example("271-aaa-after-dmg.txt", request.trace(), coverage.memberId()))))
                .isInstanceOf(EligibilityRefused.class);
        assertThat(eligibility.ofPatient(patient).get(0).lastRejection()).isPresent();

        eligibility.importFile(new X12File.Received(
                X12File.Kind.ELIGIBILITY_271,
                X12File.Source.UPLOAD,
                "ok.271",
                example("271-active.txt", request.trace(), coverage.memberId())));

        assertThat(eligibility.ofPatient(patient).get(0).lastRejection()).isEmpty();
    }

    @Test
    void a271ForAMemberNoCoverageHereHasChangesNothing() {
        String file = example("271-active.txt", "UNKNOWN-TRACE", "NOBODY999");

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "who.271", file)))
                .isInstanceOfSatisfying(EligibilityRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo("unknownMember");
                    assertThat(refused.codes()).containsExactly("NOBODY999");
                });

        assertUnchanged("eligibility.unknownMember");
    }

    @Test
    void a271CutShortIsRefusedWholeAndLogged() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-active.txt", request.trace(), coverage.memberId());
        String cut = file.substring(0, file.indexOf("EB*C*IND*30"));

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "cut.271", cut)))
                .isInstanceOfSatisfying(
                        UnreadableRemittance.class, u -> assertThat(u.reason()).isEqualTo("truncated"));

        assertUnchanged("remittance.truncated");
    }

    @Test
    void aFileOfAnotherTransactionTypeIsRefused() {
        String file = example("270-guide-example.txt", "", "");

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "270.txt", file)))
                .isInstanceOfSatisfying(
                        UnreadableRemittance.class, u -> assertThat(u.reason()).isEqualTo("wrongType"));

        assertUnchanged("remittance.wrongType");
    }

    @Test
    void a271ThatBreaksTheSchemaIsRefusedWithWhereItBreaks() {
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.UPLOAD);
        String file = example("271-active.txt", request.trace(), coverage.memberId())
                .replace("EB*C*IND*30***29*120*****Y~", "EB*C*IND*30***29*ONE HUNDRED*****Y~");

        assertThatThrownBy(() -> eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, "bad.271", file)))
                .isInstanceOfSatisfying(EligibilityRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo("invalid");
                    assertThat(refused.codes()).anySatisfy(c -> assertThat(c).startsWith("EB07"));
                });

        assertUnchanged("eligibility.invalid");
    }

    private void assertUnchanged(String problem) {
        Coverage now = reloaded();
        assertThat(now.copay()).isEqualTo(Money.of("25.00"));
        assertThat(now.deductibleRemaining()).isEqualTo(Money.of("50.00"));
        assertThat(now.visitsAllowed()).isEqualTo(VisitLimit.limited(12));
        assertThat(eligibility.ofPatient(patient).get(0).lastAnswer()).isEmpty();
        assertThat(log.recent(1)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(X12File.Kind.ELIGIBILITY_271);
            assertThat(f.outcome()).isEqualTo(X12File.Outcome.REFUSED);
            assertThat(f.problem()).isEqualTo(problem);
        });
    }

    @Test
    void theDeskChecksFromTheChartAndReadsThe271There() throws Exception {
        mvc.perform(get("/staff/patients/{id}", patient))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Check eligibility (270)")));

        var sent = mvc.perform(post("/staff/insurance/coverages/{id}/eligibility-request", coverage.id())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("eligibilityNotice", "insurance.eligibility.written"))
                .andReturn();
        UUID fileId = (UUID) sent.getFlashMap().get("eligibilityFile");
        String trace = jdbc.sql("select trace from insurance_eligibility_request where file_id = :f")
                .param("f", fileId)
                .query(String.class)
                .single();
        mvc.perform(get("/staff/insurance/eligibility/{id}/270", fileId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("TRN*1*" + trace)));

        mvc.perform(multipart("/staff/insurance/eligibility/271")
                        .file(new MockMultipartFile(
                                "file",
                                "aaa.271",
                                "text/plain",
                                example("271-unknown-member.txt", trace, coverage.memberId())
                                        .getBytes(StandardCharsets.US_ASCII)))
                        .param("patient", patient.toString())
                        .with(csrf()))
                .andExpect(flash().attribute("eligibilityProblem", "insurance.problem.eligibility.rejected"))
                .andExpect(flash().attribute("eligibilityRejections", List.of("75")));
        assertThat(storedCopay()).isEqualByComparingTo("25.00");

        mvc.perform(multipart("/staff/insurance/eligibility/271")
                        .file(new MockMultipartFile(
                                "file",
                                "ok.271",
                                "text/plain",
                                example("271-active.txt", trace, coverage.memberId())
                                        .getBytes(StandardCharsets.US_ASCII)))
                        .param("patient", patient.toString())
                        .with(csrf()))
                .andExpect(flash().attribute("eligibilityNotice", "insurance.eligibility.read"));
        assertThat(storedCopay()).isEqualByComparingTo("35.00");
        mvc.perform(get("/staff/patients/{id}", patient))
                .andExpect(content().string(containsString("Copay $35.00")))
                .andExpect(content().string(containsString("14 of 20 visits left")));
    }

    /** The coverage's copay as stored (MockMvc's requests leave no one signed in for the audited reads). */
    private BigDecimal storedCopay() {
        return jdbc.sql("select copay from insurance_coverage where id = :id")
                .param("id", coverage.id())
                .query(BigDecimal.class)
                .single();
    }
}
