package clinic.relief.outcomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scores through the client's link, the relief guarantee, and the client's progress page. */
@ReliefTest
class MeasuresTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    Measures measures;

    @Autowired
    ReliefGuarantee guarantee;

    @Autowired
    ClinicalAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    UUID client;
    UUID appointment;
    String link;

    @BeforeEach
    void visit() {
        client = fixture.client();
        appointment = fixture.visit(
                client,
                fixture.staffMember(StaffRole.THERAPIST),
                clock.instant().minus(1, ChronoUnit.HOURS));
        link = "/outcomes/v/" + fixture.clientLink(appointment);
    }

    @Test
    void aClientEntersPainOnTheirLinkAndAnOutOfRangeScoreSavesNothing() throws Exception {
        mvc.perform(post(link + "/pain").with(csrf()).param("before", "11").param("after", "3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("outside its scale")));
        assertThat(jdbc.sql("select count(*) from outcomes_pain where appointment_id = :a")
                        .param("a", appointment)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(post(link + "/pain").with(csrf()).param("before", "7").param("after", "3"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select after from outcomes_pain where appointment_id = :a")
                        .param("a", appointment)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void anUnknownLinkIsANotFound() throws Exception {
        mvc.perform(get("/outcomes/v/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(get("/outcomes/v/not-a-token/progress")).andExpect(status().isNotFound());
    }

    @Test
    void questionnairesFollowTheirMissingItemRules() throws Exception {
        var odi = post(link + "/questionnaire/odi").with(csrf());
        for (int i = 0; i < 8; i++) {
            odi.param("a" + i, "2");
        }
        mvc.perform(odi)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Too many questions")));
        mvc.perform(odi.param("a8", "2")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select score from outcomes_response where appointment_id = :a and instrument = 'ODI'")
                        .param("a", appointment)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("40");
        mvc.perform(post(link + "/questionnaire/peg")
                        .with(csrf())
                        .param("a0", "6")
                        .param("a1", "12")
                        .param("a2", "5"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(link + "/questionnaire/psfs")
                        .with(csrf())
                        .param("activity0", "Sitting")
                        .param("a0", "4")
                        .param("a1", "6"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aSessionThatFallsShortEarnsOneVoucherAndAnEmailWithNothingMedicalInTheSubject() {
        Visit visit = fixture.visitOf(appointment);
        measures.recordPain(visit, 6, 5, Measures.Actor.CLIENT_LINK);
        measures.recordPain(visit, null, 5, Measures.Actor.CLIENT_LINK);

        assertThat(guarantee.claimed(appointment)).isTrue();
        // The offer itself: the voucher, for this patient and service, valid for the promised days.
        assertThat(jdbc.sql(
                                "select patient_id, service_id, valid_until from outcomes_voucher where appointment_id = :a")
                        .param("a", appointment)
                        .query((rs, row) -> new Voucher(
                                rs.getObject("patient_id", UUID.class),
                                rs.getString("service_id"),
                                rs.getObject("valid_until", OffsetDateTime.class)
                                        .toInstant()))
                        .list())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.patientId()).isEqualTo(client);
                    assertThat(e.serviceId()).isEqualTo("trigger-point");
                    assertThat(e.validUntil()).isAfter(clock.instant().plus(29, ChronoUnit.DAYS));
                });
        assertThat(jdbc.sql("select subject from booking_outbox where appointment_id = :a and kind = 'RELIEF_OFFER'")
                        .param("a", appointment)
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(subject -> assertThat(subject.toLowerCase())
                        .doesNotContain("pain", "relief", "session", "trigger", "guarantee"));
        assertThatThrownBy(() -> guarantee.claim(visit, new Pain(6, 5))).isInstanceOf(GuaranteeAlreadyClaimed.class);
        assertThat(jdbc.sql("select count(*) from outcomes_voucher where appointment_id = :a")
                        .param("a", appointment)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSessionWithTwoPointsOfReliefEarnsNoVoucher() {
        measures.recordPain(fixture.visitOf(appointment), 6, 4, Measures.Actor.CLIENT_LINK);
        assertThat(guarantee.claimed(appointment)).isFalse();
        assertThatThrownBy(() -> guarantee.claim(fixture.visitOf(appointment), new Pain(6, 4)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theClientSeesTheirProgressChartThroughTheirLinkAndTheReadIsAudited() throws Exception {
        measures.recordPain(fixture.visitOf(appointment), 7, 3, Measures.Actor.CLIENT_LINK);
        long before = audit.trailOfPatient(client, 100).stream()
                .filter(e -> e.action() == AuditAction.READ)
                .count();
        mvc.perform(get(link + "/progress"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg class=\"chart\"")))
                .andExpect(content().string(containsString("<table class=\"data-table\"")))
                .andExpect(content().string(containsString("class=\"mcid\"")));
        var reads = audit.trailOfPatient(client, 100).stream()
                .filter(e -> e.action() == AuditAction.READ)
                .toList();
        assertThat(reads).hasSize((int) before + 1);
        assertThat(reads.get(0).actorRole()).isEqualTo("PATIENT");
    }

    private record Voucher(UUID patientId, String serviceId, Instant validUntil) {}
}
