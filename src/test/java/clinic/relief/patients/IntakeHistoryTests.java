package clinic.relief.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.patients.IntakeHistory.StoredVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeHistoryTests {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final Instant FIRST = Instant.parse("2026-12-01T17:00:00Z");

    @Test
    void aBlankAnswerKeepsTheEarlierOneAndEachVersionSaysWhatItChanged() {
        IntakeHistory history = IntakeHistory.of(
                        PATIENT,
                        List.of(
                                version(0, new Intake("Sciatica", null, "Latex", null, false, true, true), "a@x"),
                                version(1, new Intake("", "  ", null, null, false, true, true), "online-booking"),
                                version(2, new Intake(null, "Naproxen", "", null, true, true, true), "a@x")))
                .orElseThrow();

        assertThat(history.current().answers().allergies()).isEqualTo("Latex");
        assertThat(history.current().answers().conditions()).isEqualTo("Sciatica");
        assertThat(history.current().answers().medications()).isEqualTo("Naproxen");
        assertThat(history.current().consentedAt()).isEqualTo(FIRST.plusSeconds(2));
        assertThat(history.versions())
                .extracting(IntakeHistory.Version::changed)
                .containsExactly(List.of("medications", "pregnant"), List.of(), List.of("conditions", "allergies"));
        assertThat(history.versions().get(1).givenBy()).isEqualTo("online-booking");
    }

    @Test
    void noVersionsIsNoHistory() {
        assertThat(IntakeHistory.of(PATIENT, List.of())).isEmpty();
    }

    private static StoredVersion version(int second, Intake answers, String by) {
        return new StoredVersion(new RecordedIntake(PATIENT, answers, "c", "p", FIRST.plusSeconds(second)), by);
    }
}
