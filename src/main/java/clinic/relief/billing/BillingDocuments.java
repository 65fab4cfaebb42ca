package clinic.relief.billing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Invoices and receipts as PDF, in the reader's language: the clinic's name and address, the patient, every line
 * explained, the total, what was paid and what is left. A receipt adds the payment it acknowledges.
 */
@Component
public class BillingDocuments {

    private final ClinicProfile clinic;
    private final ServiceCatalogue services;
    private final Patients patients;
    private final MessageSource messages;
    private final ZoneId zone;

    BillingDocuments(ClinicProfile clinic, ServiceCatalogue services, Patients patients, MessageSource messages) {
        this.clinic = clinic;
        this.services = services;
        this.patients = patients;
        this.messages = messages;
        this.zone = clinic.zone();
    }

    public byte[] invoice(Invoice invoice, Locale locale) {
        try (PdfPages pdf = new PdfPages()) {
            pdf.title(text("billing.pdf.invoiceTitle", locale, String.valueOf(invoice.number())));
            body(pdf, invoice, locale);
            return pdf.bytes();
        }
    }

    public byte[] receipt(Invoice invoice, Payment payment, Locale locale) {
        try (PdfPages pdf = new PdfPages()) {
            pdf.title(text("billing.pdf.receiptTitle", locale, String.valueOf(invoice.number())));
            pdf.text(text(
                    "billing.pdf.receiptFor",
                    locale,
                    payment.amount().format(locale),
                    text("billing.method." + payment.method(), locale),
                    date(payment, locale)));
            body(pdf, invoice, locale);
            return pdf.bytes();
        }
    }

    private void body(PdfPages pdf, Invoice invoice, Locale locale) {
        pdf.text(clinic.name());
        pdf.text(clinic.address().street() + ", " + clinic.address().city() + ", "
                + clinic.address().region() + " " + clinic.address().postalCode());
        pdf.text(clinic.phoneDisplay());
        Patient patient = patients.get(invoice.patientId());
        pdf.heading(text("billing.pdf.patient", locale, patient.fullName()));
        pdf.text(text(
                "billing.pdf.issued",
                locale,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(invoice.issuedAt().atZone(zone))));
        if (invoice.serviceId() != null) {
            services.find(invoice.serviceId())
                    .ifPresent(service -> pdf.text(text("billing.pdf.service", locale, service.name(locale))));
        }
        pdf.heading(text("billing.pdf.lines", locale));
        invoice.lines()
                .forEach(line ->
                        pdf.amount(line.text(messages, locale), line.amount().format(locale)));
        pdf.space().total(text("billing.pdf.total", locale), invoice.total().format(locale));
        if (!invoice.payments().isEmpty()) {
            pdf.heading(text("billing.pdf.payments", locale));
            invoice.payments()
                    .forEach(p -> pdf.amount(
                            text(
                                    "billing.pdf.payment." + p.kind(),
                                    locale,
                                    text("billing.method." + p.method(), locale),
                                    date(p, locale)),
                            p.signedAmount().format(locale)));
        }
        pdf.space().total(text("billing.pdf.balance", locale), invoice.balance().format(locale));
    }

    private String date(Payment payment, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(payment.at().atZone(zone));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
