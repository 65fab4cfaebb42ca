package clinic.relief.booking;

import java.time.Clock;

import clinic.relief.patients.AccountConfirmationRequested;
import clinic.relief.patients.PasswordResetRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues the patients module's account links (confirmation, password reset) in the outbox, in its transaction. */
@Component
class AccountMail {

    private final Outbox outbox;
    private final LinkLetters letters;
    private final Clock clock;

    AccountMail(Outbox outbox, LinkLetters letters, Clock clock) {
        this.outbox = outbox;
        this.letters = letters;
        this.clock = clock;
    }

    @EventListener
    void on(AccountConfirmationRequested requested) {
        outbox.queue("VERIFY_ACCOUNT", null, requested.email(), letters.confirmAccount(requested.firstName(),
                requested.language(), requested.token(), requested.validFor()), clock.instant());
    }

    @EventListener
    void on(PasswordResetRequested requested) {
        outbox.queue("PASSWORD_RESET", null, requested.email(), letters.resetPassword(requested.firstName(),
                requested.language(), requested.token(), requested.validFor()), clock.instant());
    }
}
