package clinic.relief.workspace.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import clinic.relief.booking.TimeRange;
import clinic.relief.clinic.ClinicProfile;

/** The clinic profile's opening hours, asked per date: when the clinic opens and closes, and whether it is open. */
record ClinicHours(List<ClinicProfile.OpeningHours> hours) {

    ClinicHours {
        hours = List.copyOf(hours);
    }

    Optional<LocalTime> opens(LocalDate date) {
        return on(date).map(ClinicProfile.OpeningHours::opens);
    }

    Optional<LocalTime> closes(LocalDate date) {
        return on(date).map(ClinicProfile.OpeningHours::closes);
    }

    /** Whether the whole of {@code range} (on one date) falls inside the opening hours. */
    boolean open(TimeRange range, ZoneId zone) {
        LocalDate date = range.start().atZone(zone).toLocalDate();
        return on(date).map(h -> new TimeRange(
                                ZonedDateTime.of(date, h.opens(), zone).toInstant(),
                                ZonedDateTime.of(date, h.closes(), zone).toInstant())
                        .contains(range))
                .orElse(false);
    }

    private Optional<ClinicProfile.OpeningHours> on(LocalDate date) {
        return hours.stream().filter(h -> h.includes(date.getDayOfWeek())).findFirst();
    }
}
