package clinic.relief.patients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts made with one password entry by a patient whose address a booking link has just proved, or who follows
 * the link of a booking's confirmation e-mail: that page and that e-mail carry an offer, a single-use secret for that
 * patient and address, and the password typed once makes a confirmed account at once. No offer is made for an address whose account is confirmed
 * already; an unconfirmed sign-up for it is replaced (its links stop working). Thread-safe.
 */
@Service
public class OneStepAccounts {

    private final AccountOfferStore offers;
    private final AccountStore accounts;
    private final PatientAccounts patientAccounts;
    private final Patients patients;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration offerLasts;
    private final String siteUrl;

    /** An e-mailed offer: the absolute address of the one-password form, and how many days it works. */
    public record Link(String url, long days) {}

    OneStepAccounts(
            AccountOfferStore offers,
            AccountStore accounts,
            PatientAccounts patientAccounts,
            Patients patients,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${relief.patients.account-offer-lasts:7d}") Duration offerLasts,
            @Value("${relief.site-url}") String siteUrl) {
        this.offers = offers;
        this.accounts = accounts;
        this.patientAccounts = patientAccounts;
        this.patients = patients;
        this.passwords = passwords;
        this.clock = clock;
        this.offerLasts = offerLasts;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /**
     * A new offer's secret for the patient, whose address the caller has just seen proved; empty when the patient
     * has no address or already has a confirmed account.
     */
    @Transactional
    public Optional<String> offer(UUID patientId) {
        return patients.find(patientId).flatMap(this::offer);
    }

    private Optional<String> offer(Patient patient) {
        if (patient.email() == null
                || patientAccounts
                        .byEmail(patient.email())
                        .filter(PatientAccounts.Account::verified)
                        .isPresent()) {
            return Optional.empty();
        }
        VerificationToken token = VerificationToken.random();
        Instant now = clock.instant();
        offers.insert(token.hash(), patient.id(), patient.email(), now.plus(offerLasts), now);
        return Optional.of(token.value());
    }

    /**
     * A new offer (as {@link #offer}) as an absolute link for an e-mail to the patient's address, opening the form in
     * the patient's language; empty when no offer is made. Its secret is stored in the caller's transaction, so a
     * letter that rolls back leaves no usable link. Whoever can read that mailbox could make the account, as with any
     * e-mailed sign-up link; only the SHA-256 of the secret is kept, and the outbox pages redact it.
     */
    @Transactional
    public Optional<Link> linkFor(Patient patient) {
        return offer(patient)
                .map(token -> new Link(
                        siteUrl + "/account/create?token=" + token + "&lang="
                                + patient.locale().getLanguage(),
                        Math.max(1, offerLasts.toDays())));
    }

    /** The address a usable offer is for; {@link BadLink} otherwise. Changes nothing. */
    @Transactional
    public String email(String token) {
        return usable(token).email();
    }

    /**
     * Makes the confirmed account of the offer's patient with this password and spends the offer.
     *
     * @throws BadLink for an unknown, used or expired offer, or one whose address has a confirmed account by now
     * @throws PasswordIsEmail when the password is the address (nothing changes; the offer stays usable)
     */
    @Transactional
    public PatientAccounts.Account create(String token, String password) {
        String hash = passwords.encode(password); // hashed first, whatever the answer, so every answer takes as long
        AccountOfferStore.Offer offer = usable(token);
        if (password.strip().equalsIgnoreCase(offer.email())) {
            throw new PasswordIsEmail();
        }
        Optional<PatientAccounts.Account> existing = patientAccounts.byEmail(offer.email());
        if (existing.filter(PatientAccounts.Account::verified).isPresent()) {
            throw new BadLink(BadLink.Reason.USED);
        }
        Patient patient = patients.get(offer.patientId());
        UUID id = existing.map(PatientAccounts.Account::id).orElseGet(UUID::randomUUID);
        Instant now = clock.instant();
        accounts.upsert(
                id,
                new SignUp(patient.firstName(), patient.lastName(), null, offer.email(), password, password),
                hash,
                patient.language() == null ? "en" : patient.language(),
                now);
        accounts.spendConfirmationLinks(id, now);
        accounts.verify(id, patient.id(), now);
        offers.use(VerificationToken.hash(token), now);
        return patientAccounts.byEmail(offer.email()).orElseThrow();
    }

    private AccountOfferStore.Offer usable(String token) {
        AccountOfferStore.Offer offer =
                offers.lock(VerificationToken.hash(token)).orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
        if (offer.usedAt().isPresent()) {
            throw new BadLink(BadLink.Reason.USED);
        }
        if (!clock.instant().isBefore(offer.expiresAt())) {
            throw new BadLink(BadLink.Reason.EXPIRED);
        }
        return offer;
    }
}
