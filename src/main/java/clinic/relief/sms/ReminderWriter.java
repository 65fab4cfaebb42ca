package clinic.relief.sms;

import java.util.Optional;
import java.util.UUID;

/**
 * Writes a text reminder when it leaves, not when it is queued ({@link Texts#queueReminders}): a reminder queued weeks
 * ahead then carries the clinic's address and the patient's name and language of the day it is sent. The module that
 * owns appointments implements it; {@link TextWorker} calls it just before sending, in a transaction of its own. The
 * same rule as for every text: the time, the place, the first name and a link at most, nothing medical.
 */
public interface ReminderWriter {

    /** The reminder's words as it leaves now; empty when it should no longer leave (the text is then voided). */
    Optional<String> write(UUID appointmentId);
}
