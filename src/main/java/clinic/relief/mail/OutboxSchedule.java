package clinic.relief.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the outbox worker every few seconds, only when {@code relief.booking.mail.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "relief.booking.mail.enabled", havingValue = "true")
class OutboxSchedule {

    private final OutboxWorker worker;

    OutboxSchedule(OutboxWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${relief.booking.mail.every:10s}")
    void send() {
        worker.sendDue();
    }
}
