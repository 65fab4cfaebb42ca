package clinic.relief.sms;

import java.net.URI;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's own HTTP client, sending every request to another base address with the same path, query, form, headers
 * and authentication: how the tests point the SDK at their local Twilio ({@code relief.sms.twilio.api-base}). The
 * SDK builds its addresses from fixed Twilio domains and offers no setting for this.
 */
final class RebasedHttpClient extends NetworkHttpClient {

    private final URI base;

    RebasedHttpClient(URI base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rebased(request));
    }

    Request rebased(Request original) {
        URI target = URI.create(original.getUrl());
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        Request copy = new Request(original.getMethod(), base.resolve(path).toString());
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        original.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
        original.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
        copy.setContentType(original.getContentType());
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }
}
