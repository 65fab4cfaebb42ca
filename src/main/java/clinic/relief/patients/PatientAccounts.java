package clinic.relief.patients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' own accounts. Sign-up stores a bcrypt hash and e-mails a link; the account works once the link is
 * followed <em>and</em> the chosen password given, so someone who signs up with another person's address gains
 * nothing when that person clicks the link. A confirmed account belongs to the patient record with its e-mail.
 */
@Service
public class PatientAccounts {

    /** Spring Security's authority of a signed-in patient. */
    public static final String ROLE = "ROLE_PATIENT";

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final Patients patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration linkLasts;

    PatientAccounts(
            AccountStore store,
            PasswordEncoder passwords,
            Patients patients,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${relief.patients.account-link-lasts:24h}") Duration linkLasts) {
        this.store = store;
        this.passwords = passwords;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
        this.linkLasts = linkLasts;
    }

    /** An account as the sign-in and the pages see it. */
    public record Account(
            UUID id,
            String email,
            String passwordHash,
            String firstName,
            String lastName,
            String phone,
            String language,
            UUID patientId,
            boolean verified) {}

    /**
     * Signs up, or, for an address whose account is not confirmed yet, starts over with these details (earlier
     * links stop working). A confirmed address is left alone, and its owner is e-mailed that someone tried. Either
     * way the page says the same, and the same work is done (the password is hashed, one e-mail is queued in the
     * outbox), so neither the answer nor the time it takes tells who has an account.
     */
    @Transactional
    public void signUp(SignUp form, String language) {
        Optional<Account> existing = byEmail(form.email());
        String hash = passwords.encode(form.password());
        if (existing.isPresent() && existing.get().verified()) {
            Account known = existing.get();
            events.publishEvent(new SignUpForKnownAddress(known.email(), known.firstName(), known.language()));
            return;
        }
        UUID id = existing.map(Account::id).orElseGet(UUID::randomUUID);
        Instant now = clock.instant();
        store.upsert(id, form, hash, language, now);
        store.spendConfirmationLinks(id, now);
        VerificationToken token = VerificationToken.random();
        store.insertConfirmationLink(token.hash(), id, now.plus(linkLasts), now);
        events.publishEvent(
                new AccountConfirmationRequested(form.email(), form.firstName(), language, token.value(), linkLasts));
    }

    /** The e-mail of the account a usable link would confirm; otherwise {@link BadLink}. Changes nothing. */
    @Transactional(readOnly = true)
    public String linkEmail(String token) {
        return usable(token, false);
    }

    /**
     * Confirms the account behind the link if {@code password} is the one chosen at sign-up, and attaches it to the
     * patient record with that e-mail (or a new one).
     *
     * @throws BadLink for an unknown, used or expired link
     * @throws WrongPassword for another password (the link stays usable)
     */
    @Transactional
    public Account confirm(String token, String password) {
        Account account = byEmail(usable(token, true)).orElseThrow();
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            throw new WrongPassword();
        }
        Patient patient = patients.createWithConfirmedEmail(new NewPatient(
                account.firstName(), account.lastName(), account.phone(), account.email(), null, account.language()));
        Instant now = clock.instant();
        store.verify(account.id(), patient.id(), now);
        store.spendConfirmationLink(VerificationToken.hash(token), now);
        return byEmail(account.email()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Account> byEmail(String email) {
        return store.byEmail(email);
    }

    /** The patient signed in with this authentication, if it is a confirmed patient account. */
    @Transactional(readOnly = true)
    public Optional<Patient> signedIn(Authentication authentication) {
        if (authentication == null
                || authentication.getAuthorities().stream().noneMatch(a -> ROLE.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        return byEmail(authentication.getName()).filter(Account::verified).flatMap(a -> patients.find(a.patientId()));
    }

    private String usable(String token, boolean lock) {
        String hash = VerificationToken.hash(token);
        AccountStore.ConfirmationLink link = (lock ? store.lockConfirmationLink(hash) : store.confirmationLink(hash))
                .orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
        BadLink.requireUsable(link.usedAt(), link.expiresAt(), clock.instant());
        return link.email();
    }
}
