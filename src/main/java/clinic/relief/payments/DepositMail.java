package clinic.relief.payments;

import java.util.Locale;
import java.util.Optional;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.PaymentHolds;
import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mail to a patient whose deposit was paid for a time that could not be kept, queued in the caller's
 * transaction (the one that moved the deposit to its refunded state, so it is sent once): the time, the amount
 * refunded and a link to book again, in the language of the page they paid on. Nothing about the visit's service or
 * the reason the patient comes; a visitor is written to at the address they gave.
 */
@Component
class DepositMail {

    static final String KIND = "PAYMENTS_DEPOSIT";

    private final Mail mail;
    private final Patients patients;
    private final PaymentHolds holds;
    private final AppointmentBook book;
    private final BookingViews views;
    private final DepositStore store;
    private final MessageSource messages;
    private final String siteUrl;

    DepositMail(
            Mail mail,
            Patients patients,
            PaymentHolds holds,
            AppointmentBook book,
            BookingViews views,
            DepositStore store,
            MessageSource messages,
            @Value("${relief.site-url}") String siteUrl) {
        this.mail = mail;
        this.patients = patients;
        this.holds = holds;
        this.book = book;
        this.views = views;
        this.store = store;
        this.messages = messages;
        this.siteUrl = siteUrl;
    }

    /** The deposit was paid but the time is not kept: it is refunded whole (before a visitor's placeholder goes). */
    void notKept(Deposit deposit) {
        Optional<Patient> patient = deposit.patientId().flatMap(patients::find);
        Optional<String> to = deposit.guest() ? holds.payerEmail(deposit.appointmentId()) : patient.map(Patient::email);
        if (to.isEmpty() || to.get().isBlank()) {
            return;
        }
        Locale locale = store.language(deposit.id())
                .map(Locale::forLanguageTag)
                .or(() -> patient.map(Patient::locale))
                .orElse(Locale.ENGLISH);
        String when = views.dateTime(book.get(deposit.appointmentId()).start(), locale);
        mail.queue(
                KIND,
                to.get(),
                messages.getMessage("payments.deposit.notKept.subject", null, locale),
                messages.getMessage(
                        "payments.deposit.notKept.body",
                        new Object[] {
                            when, deposit.amount().format(locale), siteUrl + "/book?lang=" + locale.getLanguage()
                        },
                        locale));
    }
}
