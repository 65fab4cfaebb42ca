package clinic.relief.blog;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The blog's settings, bound from {@code relief.blog.*}.
 *
 * @param siteUrl the public home URL of the site, used in feeds, the sitemap, Open Graph tags and Akismet calls
 * @param pageSize articles per list page
 * @param maxCommentLength the longest comment accepted, in characters
 * @param minFormSeconds a form sent back faster than this is a bot
 * @param commentsPerHourPerIp the rate limit per IP address
 * @param commentsPerHourPerEmail the rate limit per email address
 * @param blockedWords words that hold a comment for moderation
 * @param spamRetention how long spam is kept before it is purged
 * @param ipRetention how long a commenter's IP address is kept after the comment is decided
 * @param timeTrapSecret the key that signs the time trap; a random one per start when blank
 * @param corpusDir the SpamAssassin corpus ({@code package/data} of the npm package) to train on, if present
 * @param classifierHoldAbove a classifier spam probability above this holds a comment
 * @param akismet the Akismet service, used only when a key is set
 */
@ConfigurationProperties("relief.blog")
record BlogSettings(
        URI siteUrl,
        int pageSize,
        int maxCommentLength,
        Duration minFormSeconds,
        int commentsPerHourPerIp,
        int commentsPerHourPerEmail,
        List<String> blockedWords,
        Duration spamRetention,
        Duration ipRetention,
        String timeTrapSecret,
        String corpusDir,
        double classifierHoldAbove,
        Akismet akismet) {

    BlogSettings {
        siteUrl = siteUrl == null ? URI.create("http://localhost:8080") : siteUrl;
        pageSize = pageSize <= 0 ? 10 : pageSize;
        maxCommentLength = maxCommentLength <= 0 ? 3000 : maxCommentLength;
        minFormSeconds = minFormSeconds == null ? Duration.ofSeconds(3) : minFormSeconds;
        commentsPerHourPerIp = commentsPerHourPerIp <= 0 ? 10 : commentsPerHourPerIp;
        commentsPerHourPerEmail = commentsPerHourPerEmail <= 0 ? 5 : commentsPerHourPerEmail;
        blockedWords = blockedWords == null ? List.of() : List.copyOf(blockedWords);
        spamRetention = spamRetention == null ? Duration.ofDays(30) : spamRetention;
        ipRetention = ipRetention == null ? Duration.ofDays(30) : ipRetention;
        classifierHoldAbove = classifierHoldAbove <= 0 ? 0.995 : classifierHoldAbove;
        akismet = akismet == null ? new Akismet(null, null, null) : akismet;
    }

    /** The site's address without a trailing slash, for building absolute links. */
    String base() {
        String url = siteUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * @param key the API key; Akismet is not called without one
     * @param endpoint the REST base, {@code https://rest.akismet.com/1.1/} unless a test points elsewhere
     * @param timeout how long one call may take before the local filters decide alone
     */
    record Akismet(String key, URI endpoint, Duration timeout) {

        Akismet {
            endpoint = endpoint == null ? URI.create("https://rest.akismet.com/1.1/") : endpoint;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }

        boolean enabled() {
            return key != null && !key.isBlank();
        }
    }
}
