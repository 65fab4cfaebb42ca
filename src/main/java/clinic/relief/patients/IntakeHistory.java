package clinic.relief.patients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's health history as its versions, oldest first, and the current answers they add up to. Every intake
 * is a version; a question left blank in a later version keeps its earlier answer, so nothing is ever shown as empty
 * because a later form was left blank (to take an answer back, the patient writes so, for example "none now").
 *
 * @param current the answers in force, with the newest version's consent and time
 * @param versions each version with who gave it, when, and which answers it changed; newest first
 */
public record IntakeHistory(RecordedIntake current, List<Version> versions) {

    /** The answers a version of the health history can change, by the name the forms and messages use. */
    public static final List<String> QUESTIONS =
            List.of("conditions", "medications", "allergies", "recentSurgery", "pregnant");

    public IntakeHistory {
        versions = List.copyOf(versions);
    }

    /**
     * One intake as given.
     *
     * @param givenBy the account e-mail of the patient who gave it, or {@code online-booking}
     * @param changed the {@link #QUESTIONS} whose answer this version changed (all given ones for the first)
     */
    public record Version(Instant at, String givenBy, List<String> changed) {

        public Version {
            changed = List.copyOf(changed);
        }
    }

    /** Adds up versions given oldest first; empty when there are none. */
    static Optional<IntakeHistory> of(UUID patientId, List<StoredVersion> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            return Optional.empty();
        }
        Intake answers = new Intake(null, null, null, null, false, true, true);
        List<Version> versions = new ArrayList<>();
        for (StoredVersion version : oldestFirst) {
            Intake given = version.recorded().answers();
            Intake next = new Intake(
                    keep(answers.conditions(), given.conditions()),
                    keep(answers.medications(), given.medications()),
                    keep(answers.allergies(), given.allergies()),
                    keep(answers.recentSurgery(), given.recentSurgery()),
                    given.pregnant(),
                    true,
                    true);
            versions.add(0, new Version(version.recorded().consentedAt(), version.givenBy(), changed(answers, next)));
            answers = next;
        }
        RecordedIntake newest = oldestFirst.get(oldestFirst.size() - 1).recorded();
        return Optional.of(new IntakeHistory(
                new RecordedIntake(
                        patientId, answers, newest.consentVersion(), newest.privacyVersion(), newest.consentedAt()),
                versions));
    }

    private static String keep(String earlier, String given) {
        return given == null || given.isBlank() ? earlier : given.strip();
    }

    private static List<String> changed(Intake before, Intake after) {
        List<String> changed = new ArrayList<>();
        add(changed, "conditions", before.conditions(), after.conditions());
        add(changed, "medications", before.medications(), after.medications());
        add(changed, "allergies", before.allergies(), after.allergies());
        add(changed, "recentSurgery", before.recentSurgery(), after.recentSurgery());
        if (before.pregnant() != after.pregnant()) {
            changed.add("pregnant");
        }
        return changed;
    }

    private static void add(List<String> changed, String question, String before, String after) {
        if (after != null && !after.equals(before)) {
            changed.add(question);
        }
    }

    /** A stored intake row and who gave it. */
    record StoredVersion(RecordedIntake recorded, String givenBy) {}
}
