package clinic.relief.billing;

import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class BillingPagesTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");
    private static final RequestPostProcessor OWNER = user("owner@example.com").roles("OWNER");

    @Autowired
    MockMvc mvc;

    @Autowired
    Patients patients;

    @Autowired
    Memberships memberships;

    @Autowired
    Invoices invoices;

    @Test
    void theDeskEnrolsAMemberAndSeesTheCreditPriceBeforeBooking() throws Exception {
        UUID patient = patient();
        mvc.perform(post("/staff/billing/patients/{id}/membership", patient)
                        .param("plan", "relief-monthly")
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/staff/billing/patients/{id}", patient)
                        .param("choice", "trigger-point:60")
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Paid with a Relief Monthly membership credit")))
                .andExpect(content().string(containsString("$79.00")));
        mvc.perform(get("/staff/billing/patients/{id}", patient)
                        .param("choice", "swedish:60")
                        .param("lang", "es")
                        .with(DESK))
                .andExpect(content().string(containsString("Precio de socio con Relief Mensual")));
    }

    @Test
    void refusesPaymentsAboveTheBalanceNegativeOrGarbledWith422AndWritesNothing() throws Exception {
        UUID patient = patient();
        memberships.enrol(patient, "relief-monthly");
        UUID invoice = invoices.ofPatient(patient).get(0).id();

        for (String amount : new String[] {"79.01", "-5", "0", "abc", "1.234"}) {
            mvc.perform(post("/staff/billing/invoices/{id}/payments", invoice)
                            .with(DESK)
                            .with(csrf())
                            .param("kind", "PAYMENT")
                            .param("method", "CASH")
                            .param("amount", amount))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/staff/billing/invoices/{id}/payments", invoice)
                        .with(DESK)
                        .with(csrf())
                        .param("kind", "BITCOIN")
                        .param("method", "CASH")
                        .param("amount", "5"))
                .andExpect(status().isUnprocessableContent());
        assertThat(invoices.get(invoice).payments()).isEmpty();
    }

    @Test
    void aPaymentIsRecordedAndItsReceiptPrints() throws Exception {
        UUID patient = patient();
        memberships.enrol(patient, "relief-monthly");
        UUID invoice = invoices.ofPatient(patient).get(0).id();

        mvc.perform(post("/staff/billing/invoices/{id}/payments", invoice)
                        .with(DESK)
                        .with(csrf())
                        .param("kind", "PAYMENT")
                        .param("method", "HSA_FSA")
                        .param("amount", "79.00"))
                .andExpect(status().is3xxRedirection());

        Invoice paid = invoices.get(invoice);
        assertThat(paid.balance()).isEqualTo(Money.ZERO);
        mvc.perform(get(
                                "/staff/billing/invoices/{id}/receipts/{p}.pdf",
                                invoice,
                                paid.payments().get(0).id())
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/staff/billing/invoices/{id}", invoice).with(DESK))
                .andExpect(content().string(containsString("HSA/FSA")));
    }

    @Test
    void onlyTheDeskAndOwnerSeeBillingAndOnlyTheOwnerSeesReports() throws Exception {
        mvc.perform(get("/staff/billing").with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/billing/reports").with(DESK)).andExpect(status().isForbidden());
        // The desk's billing page offers no link that would answer 403.
        mvc.perform(get("/staff/billing").with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/staff/billing/reports\""))));
        mvc.perform(get("/staff/billing/invoices/{id}", UUID.randomUUID()).with(DESK))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOwnerSeesReportsAndDownloadsCsv() throws Exception {
        UUID patient = patient();
        memberships.enrol(patient, "relief-monthly");

        mvc.perform(get("/staff/billing/reports").with(OWNER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Monthly recurring revenue")));
        mvc.perform(get("/staff/billing/reports/outstanding.csv").with(OWNER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("patient_id,name,balance_usd,oldest_invoice")))
                .andExpect(content().string(containsString(patient + ",\"Bea Biller")));
        mvc.perform(get("/staff/billing/reports/nothing.csv").with(OWNER)).andExpect(status().isNotFound());
    }

    @Test
    void csvCellsCannotCarryFormulas() {
        assertThat(ReportPages.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    private UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient("Bea", "Biller" + tag, "310 555 " + tag.substring(0, 4), null, null, "en"))
                .id();
    }
}
