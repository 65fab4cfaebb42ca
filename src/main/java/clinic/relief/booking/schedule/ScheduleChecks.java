package clinic.relief.booking.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.springframework.validation.Errors;

/**
 * Checks the owner's schedule form before anything is written, and names each problem on its field: a stretch
 * with a start but no end (or the reverse), an end before its start, two stretches that overlap, a break outside
 * the day's hours, a day missing, a service the clinic does not offer.
 */
final class ScheduleChecks {

    private ScheduleChecks() {}

    static void check(ScheduleForm form, Set<String> offered, Errors errors) {
        if (form.days().size() != 7) {
            errors.reject("booking.schedule.days");
            return;
        }
        List<ScheduleForm.DayHours> days = form.days();
        for (int i = 0; i < days.size(); i++) {
            checkDay(days.get(i), "days[" + i + "].", errors);
        }
        if (!offered.containsAll(form.services())) {
            errors.rejectValue("services", "booking.schedule.unknownService");
        }
    }

    private static void checkDay(ScheduleForm.DayHours d, String path, Errors errors) {
        if (d.day() == null) {
            errors.reject("booking.schedule.days");
            return;
        }
        boolean first = stretch(d.start(), d.end(), path + "end", errors);
        boolean second = stretch(d.start2(), d.end2(), path + "end2", errors);
        boolean pause = stretch(d.breakStart(), d.breakEnd(), path + "breakEnd", errors);
        if (second
                && d.start2() != null
                && (d.start() == null
                        || first && d.start2().isBefore(d.end()) && d.start().isBefore(d.end2()))) {
            errors.rejectValue(
                    path + "start2",
                    d.start() == null ? "booking.schedule.secondWithoutFirst" : "booking.schedule.overlap");
        }
        // A break is checked against the hours only once the hours themselves are right.
        if (pause && first && second && d.breakStart() != null && !inside(d, first, second)) {
            errors.rejectValue(path + "breakStart", "booking.schedule.breakOutside");
        }
    }

    /** False (with the error) when a stretch is half given or ends before it starts; true when empty or fine. */
    private static boolean stretch(LocalTime start, LocalTime end, String endField, Errors errors) {
        if (start == null && end == null) {
            return true;
        }
        if (start == null || end == null) {
            errors.rejectValue(endField, "booking.schedule.incomplete");
            return false;
        }
        if (!start.isBefore(end)) {
            errors.rejectValue(endField, "booking.schedule.endBeforeStart");
            return false;
        }
        return true;
    }

    private static boolean inside(ScheduleForm.DayHours d, boolean first, boolean second) {
        return first
                        && d.start() != null
                        && !d.breakStart().isBefore(d.start())
                        && !d.breakEnd().isAfter(d.end())
                || second
                        && d.start2() != null
                        && !d.breakStart().isBefore(d.start2())
                        && !d.breakEnd().isAfter(d.end2());
    }
}
