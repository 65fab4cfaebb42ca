package clinic.relief.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Component;

/** Billing periods are calendar months in the clinic's zone; a month starts at local midnight on its first day. */
@Component
class ClinicMonths {

    private final ZoneId zone;
    private final Clock clock;

    ClinicMonths(ClinicProfile clinic, Clock clock) {
        this.zone = clinic.zone();
        this.clock = clock;
    }

    YearMonth current() {
        return YearMonth.from(today());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    Instant now() {
        return clock.instant();
    }

    Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    ZoneId zone() {
        return zone;
    }
}
