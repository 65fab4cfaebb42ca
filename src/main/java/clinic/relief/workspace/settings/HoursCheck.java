package clinic.relief.workspace.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.booking.schedule.WorkingHours;
import clinic.relief.clinic.ClinicProfile;

/**
 * Compares the therapists' weekly hours with the clinic's advertised opening hours, minute by minute of each
 * weekday. Two things go wrong: a therapist works hours the clinic is closed (online booking then offers times the
 * clinic does not advertise), and advertised hours that no therapist works (less their breaks) cannot be booked at
 * all. Pure logic; the day is wall-clock time in the clinic's zone.
 */
final class HoursCheck {

    private static final int MINUTES = 24 * 60;

    private HoursCheck() {}

    /** A therapist's working time that falls outside the clinic's opening hours of that day. */
    record OutsideOpening(String therapist, DayOfWeek day, LocalTime start, LocalTime end) {}

    /** Advertised opening time on {@code day} that no therapist works. */
    record Uncovered(DayOfWeek day, LocalTime start, LocalTime end) {}

    record Result(List<OutsideOpening> outside, List<Uncovered> uncovered) {

        boolean isClean() {
            return outside.isEmpty() && uncovered.isEmpty();
        }
    }

    static Result check(List<ClinicProfile.OpeningHours> opening, List<WorkingHours.TherapistWeek> therapists) {
        List<OutsideOpening> outside = new ArrayList<>();
        List<Uncovered> uncovered = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean[] open = new boolean[MINUTES];
            opening.stream().filter(o -> o.includes(day)).forEach(o -> mark(open, o.opens(), o.closes(), true));
            boolean[] covered = new boolean[MINUTES];
            for (WorkingHours.TherapistWeek week : therapists) {
                boolean[] works = new boolean[MINUTES];
                on(week.hours(), day).forEach(h -> mark(works, h.start(), h.end(), true));
                runs(works, open, false)
                        .forEach(r ->
                                outside.add(new OutsideOpening(week.therapist().name(), day, r[0], r[1])));
                on(week.breaks(), day).forEach(b -> mark(works, b.start(), b.end(), false));
                for (int m = 0; m < MINUTES; m++) {
                    covered[m] |= works[m];
                }
            }
            runs(open, covered, false).forEach(r -> uncovered.add(new Uncovered(day, r[0], r[1])));
        }
        return new Result(outside, uncovered);
    }

    private static List<WorkingHours.Hours> on(List<WorkingHours.Hours> hours, DayOfWeek day) {
        return hours.stream().filter(h -> h.day() == day).toList();
    }

    private static void mark(boolean[] minutes, LocalTime from, LocalTime to, boolean value) {
        int end = to.equals(LocalTime.MIDNIGHT) ? MINUTES : minuteOf(to);
        for (int m = minuteOf(from); m < end; m++) {
            minutes[m] = value;
        }
    }

    /** The stretches where {@code a} is set and {@code b} equals {@code bValue}, as [start, end) times. */
    private static List<LocalTime[]> runs(boolean[] a, boolean[] b, boolean bValue) {
        List<LocalTime[]> runs = new ArrayList<>();
        int start = -1;
        for (int m = 0; m <= MINUTES; m++) {
            boolean in = m < MINUTES && a[m] && b[m] == bValue;
            if (in && start < 0) {
                start = m;
            } else if (!in && start >= 0) {
                runs.add(new LocalTime[] {timeOf(start), m == MINUTES ? LocalTime.MIDNIGHT : timeOf(m)});
                start = -1;
            }
        }
        return runs;
    }

    private static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static LocalTime timeOf(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }
}
