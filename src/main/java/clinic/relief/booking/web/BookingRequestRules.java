package clinic.relief.booking.web;

import clinic.relief.shared.RequestRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open booking's pages and APIs (its controllers sit in its capability packages). */
@Component
class BookingRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                // Online booking, the services and free times, and calendar feeds (their token is the key): everyone.
                .requestMatchers(
                        "/book", "/book/**", "/calendar/*.ics", "/api/booking/services", "/api/booking/availability")
                .permitAll()
                // Appointments carry patients' names: front desk and owner only (therapists use their day view).
                .requestMatchers("/api/booking/appointments", "/api/booking/appointments/**")
                .hasAnyRole("OWNER", "FRONT_DESK")
                // A patient's own waitlist requests; anyone's for the front desk and the owner.
                .requestMatchers("/api/waitlist", "/api/waitlist/**")
                .hasAnyRole("PATIENT", "OWNER", "FRONT_DESK")
                // Booking for callers and changing appointments: front desk and owner; therapists only read.
                .requestMatchers(
                        "/staff/booking/new",
                        "/staff/booking/patients",
                        "/staff/booking/rooms",
                        "/staff/booking/*/reschedule",
                        "/staff/booking/requests")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers(HttpMethod.POST, "/staff/booking/**")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers("/staff/booking", "/staff/booking/**", "/staff/calendar-feed")
                .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST")
                // Who read which clinical record, and the schedules, rooms and time off: the owner only.
                .requestMatchers("/staff/audit/patients/*", "/staff/schedules", "/staff/schedules/**")
                .hasRole("OWNER");
    }
}
