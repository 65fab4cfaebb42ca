package clinic.relief.patients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password" for patient accounts. A request for a confirmed account e-mails a single-use link (only its
 * SHA-256 is stored) valid for {@code relief.patients.reset-link-lasts} (60 minutes); a request for any other address
 * does nothing, and callers answer both alike, so the page tells no one who has an account. Setting a new password
 * spends every reset link the account has.
 */
@Service
public class PasswordResets {

    /** More requests than this per account and hour are ignored, so the form cannot flood someone's inbox. */
    static final int REQUESTS_PER_HOUR = 5;

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final PatientAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration linkLasts;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    PasswordResets(
            AccountStore store,
            PasswordEncoder passwords,
            PatientAccounts accounts,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${relief.patients.reset-link-lasts:60m}") Duration linkLasts,
            FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.store = store;
        this.passwords = passwords;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.linkLasts = linkLasts;
        this.sessions = sessions;
    }

    /** Queues a reset link if {@code email} belongs to a confirmed account; otherwise does nothing, silently. */
    @Transactional
    public void request(String email) {
        accounts.byEmail(email == null ? "" : email.strip())
                .filter(PatientAccounts.Account::verified)
                .filter(account -> recentRequests(account.id()) < REQUESTS_PER_HOUR)
                .ifPresent(this::sendLink);
    }

    /** The e-mail address of the account a usable link would reset; otherwise {@link BadLink}. Changes nothing. */
    @Transactional(readOnly = true)
    public String linkEmail(String token) {
        return usable(token, false).email();
    }

    /**
     * Sets the new password of the account behind the link, spends all its reset links and signs the account out
     * everywhere (every stored session of it ends: whoever knew the old password is out too).
     *
     * @throws BadLink for an unknown, used or expired link
     * @throws PasswordIsEmail when the password is the account's e-mail address (the link stays usable)
     */
    @Transactional
    public void reset(NewPassword form) {
        AccountStore.ResetLink link = usable(form.token(), true);
        if (form.password().strip().equalsIgnoreCase(link.email())) {
            throw new PasswordIsEmail();
        }
        Instant now = clock.instant();
        store.setPassword(link.accountId(), passwords.encode(form.password()));
        store.spendResetLinks(link.accountId(), now);
        sessions.findByPrincipalName(link.email()).keySet().forEach(sessions::deleteById);
    }

    private void sendLink(PatientAccounts.Account account) {
        VerificationToken token = VerificationToken.random();
        Instant now = clock.instant();
        store.insertResetLink(token.hash(), account.id(), now.plus(linkLasts), now);
        events.publishEvent(new PasswordResetRequested(
                account.email(), account.firstName(), account.language(), token.value(), linkLasts));
    }

    private int recentRequests(UUID account) {
        return store.resetLinksSince(account, clock.instant().minus(Duration.ofHours(1)));
    }

    /** Locking takes the account's row too: two links of one account used at once are served one after the other. */
    private AccountStore.ResetLink usable(String token, boolean lock) {
        String hash = VerificationToken.hash(token);
        AccountStore.ResetLink link = (lock ? store.lockResetLink(hash) : store.resetLink(hash))
                .orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
        BadLink.requireUsable(link.usedAt(), link.expiresAt(), clock.instant());
        return link;
    }
}
