package clinic.relief.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Service;

/**
 * Queues text reminders in the caller's transaction, like {@code Mail} for e-mails: a booking never waits on Twilio;
 * {@link TextWorker} sends after the commit. A reminder goes only to a patient who agreed to texts at a number that
 * is not blocked, {@code relief.sms.reminder-before} ahead of the visit and never in the quiet hours (the clinic's, and
 * the patient's own zone's when their consent carries one). Bodies must
 * carry the time, the place, the first name and a link at most: nothing medical. Thread-safe.
 */
@Service
public class Texts {

    private final TextStore store;
    private final ConsentStore consents;
    private final SmsSettings settings;
    private final QuietHours quiet;
    private final Clock clock;

    Texts(TextStore store, ConsentStore consents, SmsSettings settings, ClinicProfile clinic, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.settings = settings;
        this.quiet = new QuietHours(settings.quietFrom(), settings.quietUntil(), clinic.zone());
        this.clock = clock;
    }

    /** A reminder about one appointment, whose words the {@link ReminderWriter} writes when it leaves. */
    public record Reminder(UUID appointmentId, UUID patientId, Instant visit) {

        public Reminder {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(visit, "visit");
        }
    }

    /** Whether texts can be sent at all (Twilio's account is configured). */
    public boolean enabled() {
        return settings.twilio().configured();
    }

    /** Whether the patient may be texted now; reminders to anyone else are not queued. */
    public boolean reachable(UUID patientId) {
        return !consents.textable(List.of(patientId)).isEmpty();
    }

    /** When a reminder for a visit at this time would leave, if there is still time for one. */
    public Optional<Instant> reminderTime(Instant visit) {
        return quiet.schedule(visit.minus(settings.reminderBefore()), visit, clock.instant());
    }

    /**
     * Queues the reminders in one round trip, each to its patient's number when they may be texted and there is still
     * time; returns how many were queued.
     */
    public int queueReminders(List<Reminder> reminders) {
        Instant now = clock.instant();
        List<UUID> patients =
                reminders.stream().map(Reminder::patientId).distinct().toList();
        Map<UUID, String> numbers = consents.textable(patients);
        Map<UUID, ZoneId> zones = consents.zones(patients);
        List<TextStore.Unwritten> rows = new ArrayList<>();
        for (Reminder reminder : reminders) {
            String number = numbers.get(reminder.patientId());
            if (number != null) {
                quiet.alsoIn(Optional.ofNullable(zones.get(reminder.patientId())))
                        .schedule(reminder.visit().minus(settings.reminderBefore()), reminder.visit(), now)
                        .ifPresent(at -> rows.add(new TextStore.Unwritten(
                                UUID.randomUUID(), reminder.appointmentId(), reminder.patientId(), number, at)));
            }
        }
        if (!rows.isEmpty()) {
            store.insert(rows, now);
        }
        return rows.size();
    }

    /** Voids the appointment's texts that have not left yet (it was moved or cancelled). */
    public void voidReminders(UUID appointmentId) {
        store.voidAbout(appointmentId, "appointment changed", clock.instant());
    }
}
