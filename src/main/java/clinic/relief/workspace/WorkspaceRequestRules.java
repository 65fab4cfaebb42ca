package clinic.relief.workspace;

import clinic.relief.shared.RequestRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the workspace's screens (their controllers sit in its capability packages). */
@Component
class WorkspaceRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                // Today: every staff role sees its own day; the clinic's settings are the owner's.
                .requestMatchers("/staff")
                .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST")
                .requestMatchers("/staff/settings", "/staff/settings/**")
                .hasRole("OWNER")
                // Patients: every staff role finds them and opens the chart (each section checks its own readers);
                // changing contact details and the waitlist are the desk's and the owner's; merging, the owner's.
                .requestMatchers("/staff/patients/*/merge")
                .hasRole("OWNER")
                .requestMatchers(HttpMethod.POST, "/staff/patients/*/intake/send")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers("/staff/patients/*/intake", "/staff/patients/*/intake.pdf")
                .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST")
                .requestMatchers(HttpMethod.POST, "/staff/patients/*/contact")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers("/staff/patients", "/staff/patients/search.json", "/staff/patients/*")
                .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST")
                .requestMatchers("/staff/waitlist", "/staff/waitlist/**")
                .hasAnyRole("OWNER", "FRONT_DESK")
                // The schedule grid: every staff role reads it; booking, moving and changing from it (and the pages
                // that lead there) are the front desk's and the owner's.
                .requestMatchers(
                        "/staff/schedule/new",
                        "/staff/schedule/patients",
                        "/staff/schedule/appointments/*/move",
                        "/staff/schedule/appointments/*/cancel")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers(HttpMethod.POST, "/staff/schedule/**")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers("/staff/schedule", "/staff/schedule/**")
                .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST");
    }
}
