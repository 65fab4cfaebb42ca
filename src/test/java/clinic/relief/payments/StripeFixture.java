package clinic.relief.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fills in the local Stripe's hosted Checkout page as a patient would: the card number, then submit. */
public final class StripeFixture {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeFixture() {}

    /** Submits a test card on the hosted page at {@code url}; the answer (303 with Location back, or the page). */
    public static HttpResponse<String> payOnHostedPage(String url, String cardNumber) {
        return submit(url, "card_number=" + cardNumber);
    }

    /** Posts a form to a hosted page (the card, or the 3-D Secure step's choice); the answer. */
    public static HttpResponse<String> submit(String url, String form) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
