package clinic.relief.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's relief guarantee as policy: on only when the clinic profile offers it and {@code
 * relief.outcomes.guarantee.enabled} is true. A session whose pain after is not at least {@code minimumDrop} points
 * below pain before earns one free follow-up within {@code followUpDays}: a voucher (one per appointment) and an
 * e-mail through the mail module's outbox whose subject says nothing medical.
 * Billing prices the follow-up at zero, once, through billing's {@code FollowUpVouchers} (implemented here).
 */
@Service
public class ReliefGuarantee {

    private final OutcomesSettings.Guarantee policy;
    private final boolean clinicOffersIt;
    private final VoucherStore vouchers;
    private final Patients patients;
    private final Mail mail;
    private final MessageSource messages;
    private final ClinicProfile clinic;
    private final Clock clock;

    ReliefGuarantee(
            OutcomesSettings settings,
            ClinicProfile clinic,
            VoucherStore vouchers,
            Patients patients,
            Mail mail,
            MessageSource messages,
            Clock clock) {
        this.policy = settings.guarantee();
        this.clinicOffersIt = clinic.reliefGuarantee();
        this.clinic = clinic;
        this.vouchers = vouchers;
        this.patients = patients;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    public boolean isOn() {
        return clinicOffersIt && policy.enabled();
    }

    /** Whether this session's pain falls short of the promise (and the guarantee is on). */
    boolean fallsShort(Pain pain) {
        return isOn() && pain.complete() && pain.drop() < policy.minimumDrop();
    }

    /**
     * Records the voucher and queues the e-mail.
     *
     * @throws GuaranteeAlreadyClaimed when this appointment already has its voucher (nothing changes)
     * @throws IllegalStateException when the session does not qualify
     */
    @Transactional
    public void claim(Visit visit, Pain pain) {
        if (!offerOnce(visit, pain)) {
            throw new GuaranteeAlreadyClaimed(visit.appointmentId());
        }
    }

    /**
     * Like {@link #claim} but answers false, changing nothing, when the appointment already has its voucher: two
     * requests at once both succeed and exactly one voucher and e-mail result (the primary key decides).
     */
    @Transactional
    boolean offerOnce(Visit visit, Pain pain) {
        if (!fallsShort(pain)) {
            throw new IllegalStateException("Appointment " + visit.appointmentId() + " does not qualify");
        }
        Instant now = clock.instant();
        Instant validUntil = now.plus(Duration.ofDays(policy.followUpDays()));
        if (!vouchers.insert(visit, pain, validUntil, now)) {
            return false;
        }
        email(visit, validUntil);
        return true;
    }

    /** Whether a voucher exists for this appointment. */
    public boolean claimed(UUID appointmentId) {
        return vouchers.exists(appointmentId);
    }

    private void email(Visit visit, Instant validUntil) {
        Optional<Patient> patient = patients.find(visit.patientId());
        if (patient.isEmpty() || patient.get().email() == null) {
            return;
        }
        Patient p = patient.get();
        Locale locale = p.locale();
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(clinic.zone())
                .format(validUntil);
        String subject = messages.getMessage("outcomes.mail.offer.subject", new Object[] {clinic.shortName()}, locale);
        String body = messages.getMessage(
                "outcomes.mail.offer.body",
                new Object[] {p.firstName(), clinic.name(), until, clinic.phoneDisplay()},
                locale);
        mail.queue("RELIEF_OFFER", visit.appointmentId(), p.email(), subject, body);
    }
}
