package clinic.relief.blog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Akismet when a key is configured, otherwise no outside service; the local filters run either way. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlogSettings.class)
@EnableScheduling
class SpamCheckConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SpamCheckConfiguration.class);

    @Bean
    SpamCheck spamCheck(BlogSettings settings) {
        BlogSettings.Akismet akismet = settings.akismet();
        if (!akismet.enabled()) {
            log.info("No Akismet key configured: blog comments are screened by the local filters only");
            return SpamCheck.NONE;
        }
        return new AkismetClient(akismet.endpoint(), akismet.key(), settings.base() + "/", akismet.timeout());
    }
}
