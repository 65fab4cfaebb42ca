package clinic.relief.booking.letters;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.fortuna.ical4j.model.CalendarDateFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ical4j's UTC date-time format, as a fresh JVM has it (no formatter built yet), prepared the way the calendar beans
 * prepare it at start-up: afterwards its formatter is complete, zone and all, so no request can see it half-built.
 */
class IcalFormatsTests {

    @Test
    void preparingBuildsTheUtcFormatWithItsZoneBeforeAnyRequest() throws Exception {
        Field formatter = CalendarDateFormat.class.getDeclaredField("formatter");
        formatter.setAccessible(true);
        formatter.set(CalendarDateFormat.UTC_DATE_TIME_FORMAT, null);

        IcalFormats.prepare();

        DateTimeFormatter built = (DateTimeFormatter) formatter.get(CalendarDateFormat.UTC_DATE_TIME_FORMAT);
        assertThat(built).isNotNull();
        assertThat(built.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(CalendarDateFormat.UTC_DATE_TIME_FORMAT.format(Instant.parse("2026-12-07T18:30:00Z")))
                .isEqualTo("20261207T183000Z");
    }
}
