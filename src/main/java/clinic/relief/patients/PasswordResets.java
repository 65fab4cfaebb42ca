package clinic.relief.patients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PatientAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration linkLasts;

    PasswordResets(JdbcClient jdbc, PasswordEncoder passwords, PatientAccounts accounts,
            ApplicationEventPublisher events, Clock clock,
            @Value("${relief.patients.reset-link-lasts:60m}") Duration linkLasts) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.linkLasts = linkLasts;
    }

    /** Queues a reset link if {@code email} belongs to a confirmed account; otherwise does nothing, silently. */
    @Transactional
    public void request(String email) {
        accounts.byEmail(email == null ? "" : email.strip()).filter(PatientAccounts.Account::verified)
                .filter(account -> recentRequests(account.id()) < REQUESTS_PER_HOUR)
                .ifPresent(this::sendLink);
    }

    /** The e-mail address of the account a usable link would reset; otherwise {@link BadLink}. Changes nothing. */
    @Transactional(readOnly = true)
    public String linkEmail(String token) {
        return usable(token, false).email();
    }

    /**
     * Sets the new password of the account behind the link and spends all its reset links.
     *
     * @throws BadLink for an unknown, used or expired link
     * @throws PasswordIsEmail when the password is the account's e-mail address (the link stays usable)
     */
    @Transactional
    public void reset(NewPassword form) {
        Link link = usable(form.token(), true);
        if (form.password().strip().equalsIgnoreCase(link.email())) {
            throw new PasswordIsEmail();
        }
        Instant now = clock.instant();
        jdbc.sql("update patient_account set password_hash = :hash where id = :id")
                .param("hash", passwords.encode(form.password())).param("id", link.accountId()).update();
        jdbc.sql("update patient_password_reset set used_at = :now where account_id = :id and used_at is null")
                .param("now", utc(now)).param("id", link.accountId()).update();
    }

    private void sendLink(PatientAccounts.Account account) {
        VerificationToken token = VerificationToken.random();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into patient_password_reset (token_hash, account_id, expires_at, created_at)
                values (:hash, :id, :expires, :now)
                """)
                .param("hash", token.hash()).param("id", account.id()).param("expires", utc(now.plus(linkLasts)))
                .param("now", utc(now)).update();
        events.publishEvent(new PasswordResetRequested(account.email(), account.firstName(), account.language(),
                token.value(), linkLasts));
    }

    private int recentRequests(UUID account) {
        return jdbc.sql("select count(*) from patient_password_reset where account_id = :id and created_at > :since")
                .param("id", account).param("since", utc(clock.instant().minus(Duration.ofHours(1))))
                .query(Integer.class).single();
    }

    private record Link(UUID accountId, String email, OffsetDateTime expiresAt, OffsetDateTime usedAt) {
    }

    /** Locking takes the account's row too: two links of one account used at once are served one after the other. */
    private Link usable(String token, boolean lock) {
        Link link = jdbc.sql("select r.account_id, a.email, r.expires_at, r.used_at from patient_password_reset r"
                        + " join patient_account a on a.id = r.account_id where r.token_hash = :hash"
                        + (lock ? " for update" : ""))
                .param("hash", VerificationToken.hash(token)).query(Link.class).optional()
                .orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
        BadLink.requireUsable(link.usedAt(), link.expiresAt(), clock.instant());
        return link;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
