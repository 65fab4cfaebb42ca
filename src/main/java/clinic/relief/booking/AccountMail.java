package clinic.relief.booking;

import java.time.Clock;

import clinic.relief.patients.AccountConfirmationRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues the patients module's account confirmation links in the outbox, in the sign-up's transaction. */
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
}
