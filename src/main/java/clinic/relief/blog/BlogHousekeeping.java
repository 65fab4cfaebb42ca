package clinic.relief.blog;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once an hour: purges spam older than the retention, drops IP addresses and browser names once moderation no
 * longer needs them, and forgets the rate-limit buckets.
 */
@Component
class BlogHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(BlogHousekeeping.class);

    private final CommentStore comments;
    private final RateLimits rateLimits;
    private final BlogSettings settings;
    private final Clock clock;

    BlogHousekeeping(CommentStore comments, RateLimits rateLimits, BlogSettings settings, Clock clock) {
        this.comments = comments;
        this.rateLimits = rateLimits;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    void tidy() {
        int purged = comments.purgeSpamBefore(clock.instant().minus(settings.spamRetention()));
        int dropped = comments.dropIpsBefore(clock.instant().minus(settings.ipRetention()));
        rateLimits.forgetAll();
        if (purged + dropped > 0) {
            log.info("Blog housekeeping: {} spam comments purged, {} IP addresses dropped", purged, dropped);
        }
    }
}
