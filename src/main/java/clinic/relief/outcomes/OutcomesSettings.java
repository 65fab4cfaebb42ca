package clinic.relief.outcomes;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outcomes policy from {@code relief.outcomes.*}.
 *
 * @param linkValidFor how long a client's visit link (scores, progress) works
 * @param guarantee the relief guarantee; it applies only when the clinic profile also offers it
 * @param schedule when each questionnaire is asked, by instrument id ({@code peg}, {@code psfs}, {@code odi},
 *     {@code ndi}); instruments not listed are not asked. NPRS before and after is asked at every visit.
 * @param questionnaires folder with the clinic's licensed ODI and NDI texts ({@code odi.yml}, {@code ndi.yml});
 *     blank: those two are not offered
 * @param minimumClients the k of the public results: a number is shown only with at least this many clients
 */
@ConfigurationProperties("relief.outcomes")
public record OutcomesSettings(
        Duration linkValidFor,
        Guarantee guarantee,
        Map<String, Schedule> schedule,
        String questionnaires,
        int minimumClients) {

    public OutcomesSettings {
        linkValidFor = linkValidFor == null ? Duration.ofDays(14) : linkValidFor;
        guarantee = guarantee == null ? new Guarantee(false, 2, 14) : guarantee;
        schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
        minimumClients = Math.max(minimumClients, 10);
    }

    /**
     * The relief guarantee: when pain after a session is not at least {@code minimumDrop} points below pain before,
     * the client is offered a free follow-up within {@code followUpDays} days.
     */
    public record Guarantee(boolean enabled, int minimumDrop, int followUpDays) {}

    /** Ask at the first visit, every {@code every}-th visit after it (0: never), and at discharge. */
    public record Schedule(boolean intake, int every, boolean discharge) {

        boolean due(int visitNumber, boolean discharging) {
            return intake && visitNumber == 1
                    || every > 0 && visitNumber > 1 && (visitNumber - 1) % every == 0
                    || discharge && discharging;
        }
    }
}
