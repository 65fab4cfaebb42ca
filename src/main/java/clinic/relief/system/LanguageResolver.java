package clinic.relief.system;

import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the page language: the visitor's choice (a cookie set by {@code ?lang=}), else the first language of their
 * browser that the clinic speaks, else the clinic's first language. Never a language the clinic has no texts for.
 */
class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "relief-lang";
    private static final String CHOSEN = LanguageResolver.class.getName() + ".chosen";

    private final List<Locale> supported;

    LanguageResolver(List<Locale> supported) {
        if (supported.isEmpty()) {
            throw new IllegalArgumentException("The clinic must speak at least one language");
        }
        this.supported = List.copyOf(supported);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Locale fromCookie = fromCookie(request);
        if (fromCookie != null) {
            return fromCookie;
        }
        Enumeration<Locale> wanted = request.getLocales();
        while (wanted.hasMoreElements()) {
            Locale match = match(wanted.nextElement().getLanguage());
            if (match != null) {
                return match;
            }
        }
        return supported.get(0);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale match = locale == null ? null : match(locale.getLanguage());
        if (match == null || response == null) {
            return;
        }
        request.setAttribute(CHOSEN, match);
        ResponseCookie cookie = ResponseCookie.from(COOKIE, match.getLanguage())
                .path("/")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite("Lax")
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private Locale fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return match(cookie.getValue());
            }
        }
        return null;
    }

    private Locale match(String language) {
        return supported.stream()
                .filter(l -> l.getLanguage().equalsIgnoreCase(language))
                .findFirst()
                .orElse(null);
    }
}
