package clinic.relief.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageResolverTests {

    private final LanguageResolver resolver =
            new LanguageResolver(List.of(Locale.ENGLISH, Locale.forLanguageTag("es")));

    @Test
    void prefersTheLanguageChosenBefore() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(LanguageResolver.COOKIE, "es"));
        request.addPreferredLocale(Locale.ENGLISH);

        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("es");
    }

    @Test
    void takesTheFirstBrowserLanguageTheClinicSpeaks() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.forLanguageTag("es-MX"));
        request.addPreferredLocale(Locale.FRENCH);

        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("es");
    }

    @Test
    void ignoresACookieForALanguageTheClinicDoesNotSpeak() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(LanguageResolver.COOKIE, "de"));
        request.addPreferredLocale(Locale.GERMAN);

        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void remembersAChoiceInACookieAndForTheCurrentRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(request, response, Locale.forLanguageTag("es-US"));

        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("relief-lang=es")
                .contains("SameSite=Lax");
        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("es");
    }

    @Test
    void doesNotRememberALanguageTheClinicDoesNotSpeak() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(new MockHttpServletRequest(), response, Locale.JAPANESE);

        assertThat(response.getHeader("Set-Cookie")).isNull();
    }
}
