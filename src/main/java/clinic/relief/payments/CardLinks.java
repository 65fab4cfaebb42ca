package clinic.relief.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links the desk e-mails so that a patient can add a card on file without an account: a random token (only its
 * SHA-256 stored) valid for seven days, spent once a card is saved. The e-mail says nothing but the link's purpose.
 */
@Service
class CardLinks {

    static final Duration LASTS = Duration.ofDays(7);

    private final CardLinkStore store;
    private final Patients patients;
    private final Mail mail;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CardLinks(CardLinkStore store, Patients patients, Mail mail, MessageSource messages, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    /** E-mails the patient a link to add a card; false if the patient has no e-mail address. */
    @Transactional
    boolean send(UUID patientId, String appBase) {
        Patient patient = patients.get(patientId);
        if (patient.email() == null || patient.email().isBlank()) {
            return false;
        }
        String link = issue(patientId, appBase);
        mail.queue(
                "CARD_LINK",
                patient.email(),
                messages.getMessage("payments.link.subject", null, patient.locale()),
                messages.getMessage("payments.link.body", new Object[] {patient.firstName(), link}, patient.locale()));
        return true;
    }

    /** A new link for the patient to add or replace a card (for an e-mail of the caller's own). */
    String issue(UUID patientId, String appBase) {
        String token = token();
        store.insert(hash(token), patientId, clock.instant(), clock.instant().plus(LASTS));
        return appBase + "/payments/card?token=" + token;
    }

    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The patient a usable link belongs to. */
    Optional<UUID> patientOf(String token) {
        return token.isBlank() || token.length() > 100 ? Optional.empty() : store.usable(hash(token), clock.instant());
    }

    @Transactional
    void spend(UUID patientId) {
        store.spend(patientId, clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
