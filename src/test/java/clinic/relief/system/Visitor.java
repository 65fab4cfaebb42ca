package clinic.relief.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A plain HTTP client against the running app on 127.0.0.1, with a cookie jar, that can add forwarded headers the
 * way a proxy (or someone pretending to be one) would. Redirects are not followed, so their targets can be read.
 */
final class Visitor {

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Visitor(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(request, headers);
    }

    /** Fills the form with this id on the page (its hidden fields, the CSRF token among them) and submits it. */
    HttpResponse<String> submit(String page, String formSelector, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        Document document = Jsoup.parse(get(page).body());
        Element form = document.selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("No " + formSelector + " on " + page);
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    /**
     * Uploads {@code file} as the form with this selector on the page would, as {@code multipart/form-data}: its hidden
     * fields (the CSRF token among them) first, then the file in the part named {@code fileField}.
     */
    HttpResponse<String> upload(String page, String formSelector, String fileField, byte[] file)
            throws IOException, InterruptedException {
        Element form = Jsoup.parse(get(page).body()).selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("No " + formSelector + " on " + page);
        }
        String boundary = "----relief-visitor-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Element input : form.select("input[type=hidden]")) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + input.attr("name")
                            + "\"\r\n\r\n" + input.attr("value") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"upload.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(form.attr("action")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers)
            throws IOException, InterruptedException {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
