package clinic.relief.outcomes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a questionnaire is asked: at intake (visit 1), every n-th visit after it, at discharge, as configured. */
class ScheduleTests {

    @ParameterizedTest(name = "intake {0}, every {1}, discharge {2}: visit {3} (discharging {4}) -> {5}")
    @CsvSource({
        "true,  4, true,  1, false, true",
        "true,  4, true,  2, false, false",
        "true,  4, true,  5, false, true",
        "true,  4, true,  9, false, true",
        "true,  4, true,  7, true,  true",
        "false, 4, false, 1, false, false",
        "false, 0, false, 5, false, false",
        "false, 0, true,  3, true,  true",
        "true,  1, false, 2, false, true",
    })
    void asksAtIntakeEveryNthVisitAndAtDischarge(
            boolean intake, int every, boolean discharge, int visit, boolean discharging, boolean due) {
        assertThat(new OutcomesSettings.Schedule(intake, every, discharge).due(visit, discharging))
                .isEqualTo(due);
    }
}
