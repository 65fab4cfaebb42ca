package clinic.relief.billing;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails billing documents through booking's outbox: a receipt after each payment, in the payment's own transaction
 * (a payment that rolls back sends nothing), and an invoice when the desk sends it. The subject and body name only
 * the clinic and the patient's first name; the document is in the patient's language.
 */
@Component
class BillingMail {

    private final Invoices invoices;
    private final BillingDocuments documents;
    private final Mail mail;
    private final Patients patients;
    private final MessageSource messages;
    private final ClinicProfile clinic;

    BillingMail(
            Invoices invoices,
            BillingDocuments documents,
            Mail mail,
            Patients patients,
            MessageSource messages,
            ClinicProfile clinic) {
        this.invoices = invoices;
        this.documents = documents;
        this.mail = mail;
        this.patients = patients;
        this.messages = messages;
        this.clinic = clinic;
    }

    @EventListener
    void on(PaymentRecorded recorded) {
        if (recorded.kind() != Payment.Kind.PAYMENT) {
            return;
        }
        Patient patient = patients.get(recorded.patientId());
        if (patient.email() == null) {
            return;
        }
        Locale locale = patient.locale();
        Invoice invoice = invoices.get(recorded.invoiceId());
        Payment payment = invoice.payments().stream()
                .filter(p -> p.id().equals(recorded.paymentId()))
                .findFirst()
                .orElseThrow();
        send(
                patient,
                "billing.mail.receiptSubject",
                "billing.mail.receiptBody",
                "receipt-" + invoice.number() + ".pdf",
                documents.receipt(invoice, payment, locale),
                locale);
    }

    /** Queues the invoice as a PDF to the patient; false (nothing queued) when the patient has no e-mail address. */
    @Transactional
    boolean invoice(UUID invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Patient patient = patients.get(invoice.patientId());
        if (patient.email() == null) {
            return false;
        }
        Locale locale = patient.locale();
        send(
                patient,
                "billing.mail.invoiceSubject",
                "billing.mail.invoiceBody",
                "invoice-" + invoice.number() + ".pdf",
                documents.invoice(invoice, locale),
                locale);
        return true;
    }

    /** A letter naming only the clinic and the patient's first name, with the PDF attached. */
    private void send(Patient patient, String subjectKey, String bodyKey, String fileName, byte[] pdf, Locale locale) {
        String subject = messages.getMessage(subjectKey, new Object[] {clinic.name()}, locale);
        String body = messages.getMessage(
                bodyKey, new Object[] {patient.firstName(), clinic.name(), clinic.phoneDisplay()}, locale);
        mail.queueDocument(patient.id(), subject, body, new Mail.Attachment(fileName, "application/pdf", pdf));
    }
}
