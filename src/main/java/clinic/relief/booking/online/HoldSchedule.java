package clinic.relief.booking.online;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Expires unconfirmed online holds every minute (configurable), so their slots are offered again. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HoldSchedule {

    private final OnlineHolds holds;

    HoldSchedule(OnlineHolds holds) {
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${relief.booking.online-hold.sweep-every:60s}")
    void expire() {
        holds.expireDue();
    }
}
