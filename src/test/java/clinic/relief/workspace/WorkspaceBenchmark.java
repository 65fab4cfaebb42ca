package clinic.relief.workspace;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static clinic.relief.shared.Timestamps.utc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Server time of the workspace's busiest screens (MockMvc: security, controller, queries, Thymeleaf; no network): the
 * schedule's day and week grids with 20 therapists and 200 appointments in the day, the chart of a client with 200
 * visits, and the header search over 50,000 patients. A benchmark, not a test: surefire does not pick it up by name.
 * Run it with {@code ./mvnw -q test -Dtest=WorkspaceBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (figures in
 * docs/benchmarks.md); it also prints the SQL statements each page sends ({@code STATEMENTS} lines).
 */
@ReliefTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBenchmark {

    private static final RequestPostProcessor OWNER =
            user("bench-owner@example.com").roles("OWNER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private LocalDate day;
    private UUID regular;

    @BeforeAll
    void aBusyClinic() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        day = LocalDate.ofInstant(clock.instant(), zone)
                .plusWeeks(2)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        jdbc.sql("""
                insert into staff_account (id, email, display_name, role, password_hash, listed)
                values (gen_random_uuid(), 'bench-owner@example.com', 'Bench Owner', 'OWNER', 'x', false)""").update();
        jdbc.sql("""
                insert into staff_account (id, email, display_name, role, password_hash, listed)
                select gen_random_uuid(), 'bench-t' || n || '@example.com', 'Bench Therapist ' || lpad(n::text, 2, '0'),
                    'THERAPIST', 'x', true
                from generate_series(1, 20) n""").update();
        jdbc.sql("""
                insert into booking_therapist_hours (therapist_id, day_of_week, starts, ends)
                select s.id, d, time '08:00', time '20:00'
                from staff_account s cross join generate_series(1, 7) d
                where s.email like 'bench-t%'""").update();
        jdbc.sql("""
                insert into booking_therapist_service (therapist_id, service_id)
                select id, 'trigger-point' from staff_account where email like 'bench-t%'""").update();
        // 50,000 patients for the search; the first 200 come to the benched day, ten to each therapist.
        jdbc.sql("""
                insert into patient (id, first_name, last_name, phone, email, date_of_birth, created_at)
                select gen_random_uuid(), (array['José', 'Ana', 'Luis', 'Mary', 'John', 'Wei'])[1 + n % 6],
                    'Bench' || md5(n::text), '(310) 555-' || lpad((n % 10000)::text, 4, '0'),
                    'bench' || n || '@example.com', date '1950-01-01' + (n % 20000), :now
                from generate_series(1, 50000) n""").param("now", utc(clock.instant())).update();
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at,
                    ends_at, blocked_until, status, source, created_at)
                select gen_random_uuid(), p.id, t.id, 'trigger-point', 60,
                    (:day + time '08:00' + p.slot * interval '1 hour') at time zone 'America/Los_Angeles',
                    (:day + time '09:00' + p.slot * interval '1 hour') at time zone 'America/Los_Angeles',
                    (:day + time '09:00' + p.slot * interval '1 hour') at time zone 'America/Los_Angeles',
                    'BOOKED', 'FRONT_DESK', :now
                from (select id, row_number() over (order by email) - 1 as n
                      from staff_account where email like 'bench-t%') t
                join (select id, k, k % 10 as slot
                      from (select id, row_number() over (order by email) - 1 as k
                            from patient where email like 'bench%') numbered
                      where k < 200) p on p.k / 10 = t.n""").param("day", day).param("now", utc(clock.instant())).update();
        // A regular: 200 completed visits with one therapist, every three days back from the benched day.
        regular = jdbc.sql("select id from patient where email = 'bench49999@example.com'")
                .query(UUID.class)
                .single();
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at,
                    ends_at, blocked_until, status, source, created_at)
                select gen_random_uuid(), :p, (select id from staff_account where email = 'bench-t1@example.com'),
                    'trigger-point', 60,
                    (:day - 3 * i + time '07:00') at time zone 'America/Los_Angeles',
                    (:day - 3 * i + time '07:59') at time zone 'America/Los_Angeles',
                    (:day - 3 * i + time '07:59') at time zone 'America/Los_Angeles',
                    'COMPLETED', 'FRONT_DESK', :now
                from generate_series(1, 200) i""")
                .param("p", regular)
                .param("day", day)
                .param("now", utc(clock.instant()))
                .update();
        // Each visit has its invoice, as booking opens one: the service's line, paid at the desk.
        jdbc.sql("""
                insert into billing_invoice (id, patient_id, appointment_id, service_id, issued_at)
                select gen_random_uuid(), patient_id, id, service_id, starts_at
                from booking_appointment where patient_id = :p""").param("p", regular).update();
        jdbc.sql("""
                insert into billing_invoice_line (invoice_id, kind, amount, code, created_at)
                select id, 'LIST_PRICE', 90.00, 'billing.line.list', issued_at from billing_invoice
                where patient_id = :p""").param("p", regular).update();
        jdbc.sql("""
                insert into billing_payment (id, invoice_id, kind, method, amount, recorded_by, at)
                select gen_random_uuid(), id, 'PAYMENT', 'CARD_TERMINAL', 90.00, 'bench-owner@example.com', issued_at
                from billing_invoice where patient_id = :p""").param("p", regular).update();
        jdbc.sql("analyze").update();
    }

    @Test
    void dayGridWith20TherapistsAnd200Appointments() throws Exception {
        report("day grid", get("/staff/schedule").param("date", day.toString()).param("view", "day"));
    }

    @Test
    void weekGridWith20Therapists() throws Exception {
        report("week grid", get("/staff/schedule").param("date", day.toString()).param("view", "week"));
    }

    @Test
    void chartOfAClientWith200Visits() throws Exception {
        report("chart, 200 visits", get("/staff/patients/" + regular));
    }

    @Test
    void headerSearchOver50000Patients() throws Exception {
        report(
                "header search, name fragment",
                get("/staff/patients/search.json").param("q", "bench3f2a"));
        report(
                "header search, phone fragment",
                get("/staff/patients/search.json").param("q", "555-0427"));
    }

    /** Not a timing: the SQL statements one request of each page sends, by text (see SqlStatements). */
    @Test
    void statementsPerPage() throws Exception {
        statements(
                "day grid", get("/staff/schedule").param("date", day.toString()).param("view", "day"));
        statements(
                "week grid",
                get("/staff/schedule").param("date", day.toString()).param("view", "week"));
        statements("chart, 200 visits", get("/staff/patients/" + regular));
    }

    private void statements(String what, MockHttpServletRequestBuilder request) throws Exception {
        try (SqlStatements sql = SqlStatements.open()) {
            // The driver names a statement at its fifth run: the texts of the sixth request are all known.
            for (int i = 0; i < 5; i++) {
                mvc.perform(request.with(OWNER)).andExpect(status().isOk());
            }
            int before = sql.count();
            mvc.perform(request.with(OWNER)).andExpect(status().isOk());
            List<String> texts = sql.executed().subList(before, sql.count());
            System.out.printf("STATEMENTS %s: %d%n", what, texts.size());
            Map<String, Integer> counted = new TreeMap<>();
            texts.forEach(text -> counted.merge(text.replaceAll("\\s+", " "), 1, Integer::sum));
            counted.forEach((text, n) -> System.out.printf("STATEMENTS   %d x %s%n", n, text));
        }
    }

    private void report(String what, MockHttpServletRequestBuilder request) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            long start = System.nanoTime();
            mvc.perform(request.with(OWNER)).andExpect(status().isOk());
            if (i >= 50) {
                nanos.add(System.nanoTime() - start);
            }
        }
        nanos.sort(Long::compare);
        System.out.printf(
                "BENCH %s: median %.1f ms, p90 %.1f ms, min %.1f ms (%d requests after 50 warm-up)%n",
                what,
                nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() * 9 / 10) / 1e6,
                nanos.get(0) / 1e6,
                nanos.size());
    }
}
