package clinic.relief.workspace.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.Therapist;
import clinic.relief.booking.schedule.WorkingHours;
import clinic.relief.clinic.ClinicProfile;
import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The settings' hours check: therapists outside the opening hours, and advertised hours nobody can be booked in. */
class HoursCheckTests {

    private static final List<ClinicProfile.OpeningHours> OPEN = List.of(
            new ClinicProfile.OpeningHours(Set.of(MONDAY, TUESDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new ClinicProfile.OpeningHours(Set.of(SUNDAY), LocalTime.of(10, 0), LocalTime.of(14, 0)));

    @Test
    void findsNothingWhenTherapistsCoverTheOpeningHoursExactly() {
        WorkingHours.TherapistWeek ana =
                week("Ana", List.of(hours(MONDAY, 9, 18), hours(TUESDAY, 9, 18), hours(SUNDAY, 10, 14)), List.of());

        assertThat(HoursCheck.check(OPEN, List.of(ana)).isClean()).isTrue();
    }

    @Test
    void reportsTheHoursATherapistWorksWhileTheClinicIsClosed() {
        WorkingHours.TherapistWeek ana = week(
                "Ana",
                List.of(
                        hours(MONDAY, 8, 18),
                        hours(TUESDAY, 9, 18),
                        hours(SUNDAY, 10, 14),
                        hours(DayOfWeek.SATURDAY, 9, 12)),
                List.of());

        HoursCheck.Result result = HoursCheck.check(OPEN, List.of(ana));

        assertThat(result.outside())
                .containsExactly(
                        new HoursCheck.OutsideOpening("Ana", MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0)),
                        new HoursCheck.OutsideOpening(
                                "Ana", DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        assertThat(result.uncovered()).isEmpty();
    }

    @Test
    void reportsAdvertisedHoursNoTherapistWorksCountingBreaksAndColleagues() {
        WorkingHours.TherapistWeek ana =
                week("Ana", List.of(hours(MONDAY, 9, 15), hours(TUESDAY, 9, 18)), List.of(hours(TUESDAY, 13, 14)));
        WorkingHours.TherapistWeek ben = week("Ben", List.of(hours(MONDAY, 12, 17), hours(TUESDAY, 9, 13)), List.of());

        HoursCheck.Result result = HoursCheck.check(OPEN, List.of(ana, ben));

        assertThat(result.outside()).isEmpty();
        assertThat(result.uncovered())
                .containsExactly(
                        new HoursCheck.Uncovered(MONDAY, LocalTime.of(17, 0), LocalTime.of(18, 0)),
                        new HoursCheck.Uncovered(TUESDAY, LocalTime.of(13, 0), LocalTime.of(14, 0)),
                        new HoursCheck.Uncovered(SUNDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
    }

    private static WorkingHours.TherapistWeek week(
            String name, List<WorkingHours.Hours> hours, List<WorkingHours.Hours> breaks) {
        return new WorkingHours.TherapistWeek(new Therapist(UUID.randomUUID(), name), hours, breaks);
    }

    private static WorkingHours.Hours hours(DayOfWeek day, int from, int to) {
        return new WorkingHours.Hours(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }
}
