package clinic.relief.system;

import java.util.List;

import clinic.relief.shared.RequestRules;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Who may open what, for every filter chain that authorises requests: error and forward dispatches pass, then every
 * module's {@link RequestRules}, then {@link UnnamedRequests} for whatever none of them named. A staff session, a
 * patient's session and an API token all pass these same rules, so a token never reaches more than a signed-in
 * member of its role.
 */
@Component
class AccessRules {

    private final List<RequestRules> modules;
    private final UnnamedRequests unnamed;

    AccessRules(List<RequestRules> modules, ListableBeanFactory beans) {
        this.modules = List.copyOf(modules);
        this.unnamed = new UnnamedRequests(beans);
    }

    HttpSecurity authorize(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> {
            requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll();
            modules.forEach(module -> module.declare(requests));
            requests.anyRequest().access(unnamed);
        });
    }
}
