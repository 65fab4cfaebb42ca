package clinic.relief.clinic;

import java.net.URI;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The public address of the site ({@code relief.site-url}, {@code RELIEF_SITE_URL}), from which every absolute link
 * of the public pages is built (alternate-language links, canonical addresses). It must be an absolute http(s) address.
 * With the {@code prod} profile it must be set, and not to a local address: a production start without it is refused,
 * rather than sending patients links to {@code localhost}.
 */
@Component
public class SiteAddress {

    static final String PRODUCTION_PROFILE = "prod";

    private final String base;

    SiteAddress(@Value("${relief.site-url:}") String url, Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE);
        this.base = check(url, production);
    }

    /** The address without a trailing slash: {@code https://example.com}. */
    public String base() {
        return base;
    }

    /** The absolute address of a path of the site ({@code /blog} becomes {@code https://example.com/blog}). */
    public String absolute(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    static String check(String url, boolean production) {
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            if (production) {
                throw new IllegalStateException("relief.site-url (RELIEF_SITE_URL) is not set: the prod profile needs"
                        + " the public address of the site, e.g. https://clinic.example.com, for links in e-mails and"
                        + " pages");
            }
            trimmed = "http://localhost:8080";
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("relief.site-url is not an address: " + trimmed, ex);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalStateException("relief.site-url must be an absolute http(s) address: " + trimmed);
        }
        if (production && isLocal(uri.getHost())) {
            throw new IllegalStateException("relief.site-url (RELIEF_SITE_URL) is a local address (" + trimmed
                    + "): the prod profile needs" + " the public address of the site");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("0.0.0.0");
    }
}
