package clinic.relief.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set by hand, in clinic local time. */
class TestClock extends Clock {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private volatile Instant now;

    TestClock(String localDateTime) {
        set(localDateTime);
    }

    void set(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(LA).toInstant();
    }

    void setInstant(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
