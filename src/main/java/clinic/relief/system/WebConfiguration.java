package clinic.relief.system;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/** Language selection, the request body limit and the refusal of unreadable requests. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver(Environment environment) {
        // Read from the clinic profile by key, not by type, so that this module does not depend on the clinic's.
        List<Locale> languages = Binder.get(environment)
                .bind("relief.clinic.languages", Bindable.listOf(Locale.class))
                .orElse(List.of(Locale.ENGLISH));
        return new LanguageResolver(languages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        // The pain finder's API takes its language from the body or Accept-Language and sets no cookie.
        // Nor does the error page: its request may be one whose parameters cannot be read (MalformedRequests).
        registry.addInterceptor(languageSwitch)
                .excludePathPatterns("/api/pain-finder", "/api/pain-finder/**", "/error");
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${relief.max-body-size}") DataSize limit) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequests(
            MessageSource messages, LocaleResolver locales, JsonMapper json) {
        FilterRegistrationBean<MalformedRequests> registration =
                new FilterRegistrationBean<>(new MalformedRequests(messages, locales, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
