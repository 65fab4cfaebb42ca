package clinic.relief.billing;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class ReceiptTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Invoices invoices;

    @Autowired
    Payments payments;

    @Autowired
    BillingDocuments documents;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aReceiptShowsTheClinicPatientLinesAndPaymentInEnglishAndSpanish() throws IOException {
        Invoice invoice = paid("es", "60.00");
        Payment payment = invoice.payments().get(0);

        String english = text(documents.receipt(invoice, payment, Locale.ENGLISH));
        assertThat(english)
                .contains(
                        "Receipt for invoice " + invoice.number(),
                        "Massage Revolution",
                        "Nina Paz",
                        "List price, 60 minutes",
                        "$110.00",
                        "Received $60.00 (card terminal)",
                        "Balance due",
                        "$50.00",
                        "Service: Trigger point therapy");
        String spanish = text(documents.receipt(invoice, payment, Locale.forLanguageTag("es")));
        assertThat(spanish)
                .contains(
                        "Recibo de la factura " + invoice.number(),
                        "Precio de lista, 60 minutos",
                        "Saldo pendiente",
                        "Terapia de puntos gatillo");
    }

    @Test
    void aPaymentQueuesTheReceiptInThePatientsLanguageWithNothingMedicalInTheSubject() throws IOException {
        Invoice invoice = paid("es", "110.00");

        var row = jdbc.sql("select subject, body, attachment_name, attachment from booking_outbox"
                        + " where kind = 'DOCUMENT' and attachment_name = :name")
                .param("name", "receipt-" + invoice.number() + ".pdf")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(4)})
                .single();
        assertThat((String) row[0]).startsWith("Su recibo de").doesNotContainIgnoringCase("gatillo");
        assertThat((String) row[1]).contains("Nina").doesNotContain("Paz");
        assertThat(text((byte[]) row[2])).contains("Recibo de la factura", "Saldo pendiente");
    }

    @Test
    void theDeskEmailsAnInvoiceInThePatientsLanguageOrIsToldThereIsNoAddress() throws Exception {
        Invoice invoice = paid("es", "10.00");
        mvc.perform(post("/staff/billing/invoices/{id}/email", invoice.id())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneCode", "billing.invoiceEmailed"));

        var row = jdbc.sql("select subject, body, attachment from booking_outbox"
                        + " where kind = 'DOCUMENT' and attachment_name = :name")
                .param("name", "invoice-" + invoice.number() + ".pdf")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                .single();
        assertThat((String) row[0]).startsWith("Su factura de").doesNotContainIgnoringCase("gatillo");
        assertThat((String) row[1]).contains("Nina").doesNotContain("Paz");
        assertThat(text((byte[]) row[2])).contains("Factura " + invoice.number());

        String phone = "424 " + (1_000_000 + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 9_000_000L));
        UUID noAddress = patients.findOrCreate(new NewPatient("Ona", "Sin Correo", phone, null, null, "es"))
                .id();
        UUID unsent = tx.execute(s -> invoices.open(UUID.randomUUID(), noAddress, null, null, "trigger-point"));
        long queued = documentsQueued();
        mvc.perform(post("/staff/billing/invoices/{id}/email", unsent)
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("problemCode", "billing.problem.noEmail"));
        assertThat(documentsQueued()).isEqualTo(queued);
        mvc.perform(post("/staff/billing/invoices/{id}/email", invoice.id()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/login"));
    }

    private long documentsQueued() {
        return jdbc.sql("select count(*) from booking_outbox where kind = 'DOCUMENT'")
                .query(Long.class)
                .single();
    }

    @Test
    void anInvoicePdfListsItsLines() throws IOException {
        Invoice invoice = paid("en", "10.00");

        assertThat(text(documents.invoice(invoice, Locale.ENGLISH)))
                .contains("Invoice " + invoice.number(), "List price, 60 minutes", "Payments and refunds", "$100.00");
    }

    private Invoice paid(String language, String amount) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Nina", "Paz", "310 555 " + tag.substring(0, 4), tag + "@example.com", null, language))
                .id();
        UUID invoice = tx.execute(s -> {
            UUID id = invoices.open(UUID.randomUUID(), patient, null, null, "trigger-point");
            invoices.addLine(
                    id, Line.of(Line.Kind.LIST_PRICE, Money.of("110"), "billing.line.list", LineArg.number(60)), null);
            return id;
        });
        payments.record(
                new RecordPayment(
                        invoice, Payment.Kind.PAYMENT, Payment.Method.CARD_TERMINAL, Money.of(amount), "auth 123"),
                "desk@example.com");
        return invoices.get(invoice);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
