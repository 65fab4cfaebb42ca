package clinic.relief.workspace.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import clinic.relief.patients.Intake;
import clinic.relief.patients.RecordedIntake;

/**
 * What the latest intake says a therapist must see before touching the patient: allergies, pregnancy, recent
 * surgery, conditions and medications. Health data: built only for those the patients module lets read it, shown on
 * the panel, never logged or mailed.
 */
final class HealthAlerts {

    private HealthAlerts() {}

    /** One alert: the message key of its heading and what the patient wrote (empty for a yes/no answer). */
    record Alert(String key, String text) {}

    static List<Alert> of(Optional<RecordedIntake> intake) {
        List<Alert> alerts = new ArrayList<>();
        intake.map(RecordedIntake::answers).ifPresent(answers -> add(alerts, answers));
        return alerts;
    }

    private static void add(List<Alert> alerts, Intake answers) {
        written(alerts, "schedule.alert.allergies", answers.allergies());
        if (answers.pregnant()) {
            alerts.add(new Alert("schedule.alert.pregnant", ""));
        }
        written(alerts, "schedule.alert.surgery", answers.recentSurgery());
        written(alerts, "schedule.alert.conditions", answers.conditions());
        written(alerts, "schedule.alert.medications", answers.medications());
    }

    private static void written(List<Alert> alerts, String key, String text) {
        if (text != null && !text.isBlank()) {
            alerts.add(new Alert(key, text.strip()));
        }
    }
}
