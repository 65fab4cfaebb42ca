package clinic.relief.insurance;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class SuperbillMailTests {

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

    @BeforeEach
    void setUp() {
        fixture = new InsuranceFixture(patients, staff, jdbc, book);
        today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
    }

    @Test
    void theDeskEmailsTheSuperbillWithThePdfAttachedAndNothingMedicalInTheSubjectOrBody() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Claim claim = claimOf(patients.findOrCreate(new NewPatient(
                        "Rosa", "Factura" + tag, null, tag + "@example.com", LocalDate.of(1980, 4, 2), "es"))
                .id());

        mvc.perform(post("/staff/insurance/claims/{id}/superbill/email", claim.id())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "insurance.notice.superbillSent"));

        var row = jdbc.sql("select recipient, subject, body, attachment_type, attachment from booking_outbox"
                        + " where kind = 'DOCUMENT' and attachment_name = :name")
                .param("name", "superbill-" + claim.claimId() + ".pdf")
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)
                        })
                .single();
        assertThat(row[0]).isEqualTo(tag + "@example.com");
        assertThat((String) row[1])
                .isEqualTo("Su estado de cuenta de Massage Revolution & Therapeutic Massage Los Angeles");
        for (String medical : new String[] {"M54", "M62", "971", "masaje", "tejido", "diagn", "Factura" + tag}) {
            assertThat((String) row[1]).doesNotContainIgnoringCase(medical);
            assertThat((String) row[2]).doesNotContainIgnoringCase(medical);
        }
        assertThat((String) row[2]).startsWith("Hola, Rosa:");
        assertThat(row[3]).isEqualTo("application/pdf");
        assertThat(text((byte[]) row[4]))
                .contains("SUPERBILL", "Rosa Factura" + tag, "M54.50", "M62.838", "CAMTC 12345", "Total");
    }

    @Test
    void aClientWithoutAnEmailAddressGetsNothingQueuedAndTheDeskIsTold() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        UUID patient = patients.findOrCreate(new NewPatient("Tom", "Sinmail" + tag, "310 557 " + tag, null, null, "en"))
                .id();
        Claim claim = claimOf(patient);
        int outbox = jdbc.sql("select count(*) from booking_outbox")
                .query(Integer.class)
                .single();

        mvc.perform(post("/staff/insurance/claims/{id}/superbill/email", claim.id())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "insurance.problem.noEmail"));

        assertThat(jdbc.sql("select count(*) from booking_outbox")
                        .query(Integer.class)
                        .single())
                .isEqualTo(outbox);
        mvc.perform(post("/staff/insurance/claims/{id}/superbill/email", UUID.randomUUID())
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    private Claim claimOf(UUID patient) {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(3)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(3)));
        fixture.completed(patient, fixture.therapist(), "deep-tissue", 60, InsuranceFixture.at(today.minusDays(1), 16));
        return desk.ofPatient(patient).get(0);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
