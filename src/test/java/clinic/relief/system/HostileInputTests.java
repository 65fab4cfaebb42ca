package clinic.relief.system;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Walks every mapped handler (every pattern and method) as every role with seeded hostile values in every path
 * variable, parameter, header, form field and JSON field, and fails on any 5xx, any exception that escapes, and any
 * refused request that still stored a patient, an intake or an appointment.
 */
@ReliefTest
class HostileInputTests {

    private static final Logger log = LoggerFactory.getLogger(HostileInputTests.class);
    private static final long SEED = 20261206L;
    private static final int TRIES = 3;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Booking booking;

    @Autowired
    Clock clock;

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler) {}

    record Role(String name, Optional<RequestPostProcessor> signIn) {}

    record Counts(long patients, long intakes, long appointments) {}

    @Test
    void noHandlerAnswers5xxOrStoresAHalfRecordWhateverItIsSent() throws Exception {
        HostileRequests requests = new HostileRequests(new HostileValues(new Random(SEED), plausible()));
        List<Role> roles = roles();
        long orphansBefore = orphanPlaceholders();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Role role : roles) {
                for (int i = 0; i < TRIES; i++) {
                    AbstractMockHttpServletRequestBuilder<?> request =
                            requests.build(endpoint.method(), endpoint.pattern(), endpoint.handler());
                    role.signIn().ifPresent(request::with);
                    sent++;
                    if (!check(endpoint, role, request, failures)) {
                        break; // this role may not use the endpoint: the other tries would be turned away alike
                    }
                }
            }
        }
        log.info("Sent {} hostile requests to {} endpoints", sent, endpoints().size());
        assertThat(sent).isGreaterThan(500);
        assertThat(failures).isEmpty();
        assertThat(orphanPlaceholders()).isEqualTo(orphansBefore);
    }

    /** Sends one request and notes what went wrong; false when the role was turned away before the handler. */
    private boolean check(
            Endpoint endpoint, Role role, AbstractMockHttpServletRequestBuilder<?> request, List<String> failures) {
        Counts before = counts();
        String what = endpoint.method() + " " + endpoint.pattern() + " as " + role.name();
        try {
            MvcResult result = mvc.perform(request).andReturn();
            int status = result.getResponse().getStatus();
            String uri = result.getRequest().getRequestURI() + "?"
                    + result.getRequest().getQueryString();
            if (status >= 500) {
                failures.add(what + " answered " + status + " to " + abbreviated(uri));
            }
            String type = String.valueOf(result.getResponse().getContentType());
            boolean refused =
                    status >= 400 || (endpoint.method() != HttpMethod.GET && status == 200 && type.contains("html"));
            if (refused && !counts().equals(before)) {
                failures.add(what + " refused with " + status + " but stored " + counts() + " after " + before);
            }
            String location = String.valueOf(result.getResponse().getRedirectedUrl());
            return status != 401 && status != 403 && !location.contains("/login");
        } catch (Exception escaped) {
            failures.add(what + " threw " + escaped);
            return true;
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            List<RequestMethod> methods =
                    declared.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : List.copyOf(declared);
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.asHttpMethod(), pattern, handler));
                }
            }
        });
        endpoints.sort(Comparator.comparing((Endpoint e) -> e.pattern())
                .thenComparing(e -> e.method().name()));
        return endpoints;
    }

    private List<Role> roles() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Role> roles = new ArrayList<>();
        roles.add(new Role("anonymous", Optional.empty()));
        String patient = "walker-patient-" + tag + "@example.com";
        signUp(patient);
        roles.add(new Role("patient", Optional.of(user(patient).roles("PATIENT"))));
        for (StaffRole role : StaffRole.values()) {
            String email = "walker-" + role.name().toLowerCase() + "-" + tag + "@example.com";
            staff.createOrUpdate(new NewStaffMember(
                    email, "Walker " + role, role, "long enough password", null, null, null, null, false));
            roles.add(new Role(role.name(), Optional.of(user(email).roles(role.name()))));
        }
        return roles;
    }

    /** Ids of real rows and a real free slot, so that some requests get past their first check. */
    private Map<String, List<String>> plausible() {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Walker room " + UUID.randomUUID());
        UUID therapist = fixture.therapist("08:00", "18:00");
        UUID patient = fixture.patient();
        LocalDate day = fixture.day();
        Appointment booked = booking.book(new BookAppointment(
                patient,
                "trigger-point",
                60,
                fixture.at(day, "09:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        String slot = fixture.at(day, "11:00") + "|" + therapist;
        List<String> ids = List.of(booked.id().toString(), patient.toString(), therapist.toString());
        return Map.ofEntries(
                Map.entry("id", ids),
                Map.entry("appointmentId", List.of(booked.id().toString())),
                Map.entry("patient", List.of(patient.toString())),
                Map.entry("patientId", List.of(patient.toString())),
                Map.entry("therapist", List.of(therapist.toString())),
                Map.entry("therapistId", List.of(therapist.toString())),
                Map.entry("choice", List.of("trigger-point:60", "couples:90")),
                Map.entry("service", List.of("trigger-point")),
                Map.entry("minutes", List.of("60")),
                Map.entry("slot", List.of(slot)),
                Map.entry("date", List.of(day.toString())),
                Map.entry("from", List.of(day.toString())),
                Map.entry("to", List.of(day.plusDays(1).toString())),
                Map.entry("email", List.of("walker-" + UUID.randomUUID() + "@example.com")),
                Map.entry("firstName", List.of("Walker")),
                Map.entry("lastName", List.of("Hostile")),
                Map.entry("phone", List.of("555 0100 123")),
                Map.entry("dateOfBirth", List.of("1980-01-01")),
                Map.entry("consentToTreatment", List.of("true")),
                Map.entry("acceptsPrivacyNotice", List.of("true")),
                Map.entry("requestId", List.of(UUID.randomUUID().toString())),
                Map.entry("amount", List.of("10.00", "1E+3000000")),
                Map.entry("lang", List.of("es", "en")));
    }

    private void signUp(String email) throws Exception {
        String password = "correct horse battery";
        mvc.perform(post("/account/signup")
                .with(csrf())
                .param("firstName", "Walker")
                .param("lastName", "Patient")
                .param("email", email)
                .param("password", password)
                .param("passwordAgain", password));
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_ACCOUNT'")
                .param("e", email)
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(post("/account/verify").with(csrf()).param("token", token).param("password", password));
    }

    private Counts counts() {
        return jdbc.sql("""
                select (select count(*) from patient) as patients, (select count(*) from patient_intake) as intakes,
                       (select count(*) from booking_appointment) as appointments""").query(Counts.class).single();
    }

    private long orphanPlaceholders() {
        return jdbc.sql("""
                select count(*) from patient p where p.unverified
                  and not exists (select 1 from booking_appointment a where a.patient_id = p.id)""").query(Long.class).single();
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
