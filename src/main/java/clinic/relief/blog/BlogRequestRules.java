package clinic.relief.blog;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the blog: its pages, feeds and sitemap for everyone; the editor and moderation for every staff role (the editor lets only therapists and the owner write, and only an article's author or the owner change it). */
@Component
class BlogRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/blog", "/blog/**", "/sitemap.xml")
                .permitAll()
                .requestMatchers("/staff/blog", "/staff/blog/**")
                .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST");
    }
}
