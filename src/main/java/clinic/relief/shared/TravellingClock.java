package clinic.relief.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that can be sent back in time and brought home again. Only the demo profile's history uses it: the demo
 * lives through six past months (books, checks in, completes, documents and pays each visit at the time it happened)
 * through the same code the clinic uses, then returns to the present. Without a trip it reads like the clock it wraps.
 */
public final class TravellingClock extends Clock {

    private final Clock home;
    private volatile Duration away = Duration.ZERO;

    public TravellingClock(Clock home) {
        this.home = home;
    }

    /** From now on the clock reads {@code instant}, and moves on from there with elapsed time. */
    public void travelTo(Instant instant) {
        away = Duration.between(home.instant(), instant);
    }

    /** Whether the clock is on a trip (reads another time than the clock it wraps). */
    public boolean travelling() {
        return !away.isZero();
    }

    /** Back to the clock it wraps. */
    public void returnHome() {
        away = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return home.instant().plus(away);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same travelling instant, read in {@code zone} (the pages read the clinic's day through this). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {

        private final TravellingClock clock;
        private final ZoneId zone;

        Zoned(TravellingClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
