package clinic.relief.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the text worker every few seconds, only when {@code relief.sms.worker.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "relief.sms.worker.enabled", havingValue = "true")
class TextSchedule {

    private final TextWorker worker;

    TextSchedule(TextWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${relief.sms.worker.every:10s}")
    void send() {
        worker.sendDue();
    }
}
