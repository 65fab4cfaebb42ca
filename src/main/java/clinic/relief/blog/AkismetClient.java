package clinic.relief.blog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Akismet's REST API 1.1: {@code verify-key}, {@code comment-check}, {@code submit-spam} and {@code submit-ham}, each
 * a form-encoded POST. {@code comment-check} answers {@code true} (spam) or {@code false}; the header
 * {@code X-akismet-pro-tip: discard} marks blatant spam. Any other body, a network failure or a timeout is
 * {@link SpamCheck.Answer#UNAVAILABLE}. Thread-safe.
 */
class AkismetClient implements SpamCheck {

    private static final Logger log = LoggerFactory.getLogger(AkismetClient.class);

    private final HttpClient http;
    private final URI endpoint;
    private final String key;
    private final String blog;
    private final Duration timeout;

    AkismetClient(URI endpoint, String key, String blog, Duration timeout) {
        this.endpoint = endpoint.toString().endsWith("/") ? endpoint : URI.create(endpoint + "/");
        this.key = key;
        this.blog = blog;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Whether Akismet accepts the key for this blog; false when it cannot be asked. */
    boolean verifyKey() {
        try {
            HttpResponse<String> response = post("verify-key", Map.of("key", key, "blog", blog));
            return "valid".equals(response.body().strip());
        } catch (IOException ex) {
            log.warn("Akismet verify-key failed: {}", ex.toString());
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Answer check(Submission submission) {
        try {
            HttpResponse<String> response = post("comment-check", fields(submission));
            String body = response.body().strip();
            if ("true".equals(body)) {
                boolean discard = response.headers()
                        .firstValue("X-akismet-pro-tip")
                        .filter("discard"::equalsIgnoreCase)
                        .isPresent();
                return discard ? Answer.DISCARD : Answer.SPAM;
            }
            if ("false".equals(body)) {
                return Answer.HAM;
            }
            log.warn(
                    "Akismet comment-check answered {} {} ({})",
                    response.statusCode(),
                    body,
                    response.headers().firstValue("X-akismet-debug-help").orElse("no debug help"));
            return Answer.UNAVAILABLE;
        } catch (IOException ex) {
            log.warn("Akismet comment-check failed: {}", ex.toString());
            return Answer.UNAVAILABLE;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Answer.UNAVAILABLE;
        }
    }

    @Override
    public void reportSpam(Submission submission) {
        report("submit-spam", submission);
    }

    @Override
    public void reportHam(Submission submission) {
        report("submit-ham", submission);
    }

    private void report(String verb, Submission submission) {
        try {
            post(verb, fields(submission));
        } catch (IOException ex) {
            log.warn("Akismet {} failed: {}", verb, ex.toString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> fields(Submission s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", key);
        fields.put("blog", blog);
        fields.put("user_ip", s.userIp());
        fields.put("user_agent", s.userAgent());
        fields.put("referrer", s.referrer());
        fields.put("permalink", s.permalink());
        fields.put("comment_type", s.commentType());
        fields.put("comment_author", s.author());
        fields.put("comment_author_email", s.authorEmail());
        fields.put("comment_author_url", s.authorUrl());
        fields.put("comment_content", s.content());
        fields.put(
                "comment_date_gmt", s.createdAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(s.createdAt()));
        fields.put("blog_lang", s.language());
        fields.put("blog_charset", "UTF-8");
        fields.put("honeypot_field_name", CommentForm.HONEYPOT);
        fields.values().removeIf(v -> v == null);
        return fields;
    }

    private HttpResponse<String> post(String verb, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(verb))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "Relief/0.1 | Akismet client")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
