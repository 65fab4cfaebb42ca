package clinic.relief.booking;

import java.util.Optional;

import clinic.relief.booking.store.HeldContactStore;
import org.springframework.stereotype.Component;

/**
 * What staff pages show as the e-mail of an online booking's patient who has none on record: a visitor's booking
 * holds its slot for an unverified placeholder whose record carries no address until the e-mailed link proves it
 * theirs, but the address they typed is kept with the hold. It is shown as given, not as confirmed, and never used
 * to find or change a patient record.
 */
@Component
public class HeldContacts {

    private final HeldContactStore store;

    HeldContacts(HeldContactStore store) {
        this.store = store;
    }

    /** The address typed with the appointment's online booking, when its patient has no e-mail on record. */
    public Optional<String> unconfirmedEmail(AppointmentView appointment) {
        String onRecord = appointment.patient().email();
        if (onRecord != null && !onRecord.isBlank()) {
            return Optional.empty();
        }
        return store.email(appointment.id());
    }
}
