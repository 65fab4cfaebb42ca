package clinic.relief.booking.online;

import java.time.Clock;

import clinic.relief.booking.BookingRequests;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Lapses undecided booking requests every minute (configurable), so their slots are offered again. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RequestSchedule {

    private final BookingRequests requests;
    private final Clock clock;

    RequestSchedule(BookingRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${relief.booking.requests.sweep-every:60s}")
    void lapse() {
        requests.lapseDue(clock.instant());
    }
}
