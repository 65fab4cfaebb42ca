package clinic.relief.outcomes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.VerificationToken;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Server time of a client's progress page with 200 visits (MockMvc: security, controller, queries, audit row,
 * Thymeleaf and the SVG, no network), and of the owner's results over 100,000 first sessions with signed notes and
 * trigger points. A benchmark, not a test: surefire does not pick it up by name. Run it with
 * {@code ./mvnw -q test -Dtest=OutcomesBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (see docs/benchmarks.md).
 */
@ReliefTest
class OutcomesBenchmark {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Results results;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    Clock clock;

    @Test
    void progressPageWith200Visits() throws Exception {
        UUID patient = UUID.randomUUID();
        String token = "bench-" + UUID.randomUUID();
        jdbc.sql("""
                insert into outcomes_visit (appointment_id, patient_id, therapist_id, service_id, minutes, started_at,
                    visit_number, link_token_hash, link_expires_at, completed_at)
                select gen_random_uuid(), :p, gen_random_uuid(), 'trigger-point', 60,
                    :now - (interval '3 days' * (201 - i)), i,
                    case when i = 200 then :token else md5(random()::text) || i end,
                    :now + interval '14 days', :now
                from generate_series(1, 200) i""")
                .param("p", patient)
                .param("token", VerificationToken.hash(token))
                .param("now", utcNow())
                .update();
        jdbc.sql("""
                insert into outcomes_pain (appointment_id, before, after, updated_at)
                select appointment_id, 4 + (visit_number % 6), 1 + (visit_number % 4), :now
                from outcomes_visit where patient_id = :p""").param("p", patient).param("now", utcNow()).update();
        jdbc.sql("""
                insert into outcomes_response (id, appointment_id, patient_id, instrument, answers, score, answered,
                    missing, taken_at, entered_by)
                select gen_random_uuid(), appointment_id, patient_id, q, '[]'::jsonb, 20 + visit_number % 30, 10, 0,
                    started_at, 'bench'
                from outcomes_visit cross join (values ('ODI'), ('NDI'), ('PEG')) as t(q)
                where patient_id = :p and visit_number % 4 = 1""").param("p", patient).update();
        String path = "/outcomes/v/" + token + "/progress";
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            long start = System.nanoTime();
            mvc.perform(get(path)).andExpect(status().isOk());
            if (i >= 50) {
                nanos.add(System.nanoTime() - start);
            }
        }
        report("progress page, 200 visits, 200 requests after 50 warm-up", nanos);
    }

    @Test
    void ownerResultsOver100000Sessions() throws Exception {
        jdbc.sql("select 1 from (select setseed(0.2026)) s")
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into outcomes_visit (appointment_id, patient_id, therapist_id, service_id, minutes, started_at,
                    visit_number, link_token_hash, link_expires_at, completed_at)
                select gen_random_uuid(), gen_random_uuid(),
                    ('00000000-0000-0000-0000-00000000000' || (i % 6))::uuid,
                    (array['trigger-point', 'deep-tissue', 'swedish', 'sports'])[1 + i % 4], 60,
                    :now - interval '1 minute' * i, 1, 'bench-' || i, :now, :now
                from generate_series(1, 100000) i""").param("now", utcNow()).update();
        jdbc.sql("""
                insert into outcomes_pain (appointment_id, before, after, updated_at)
                select appointment_id, b, greatest(0, b - (random() * 5)::int), :now
                from (select appointment_id, 3 + (random() * 7)::int as b from outcomes_visit
                      where link_token_hash like 'bench-%' and link_token_hash not like 'bench-%-%') v""").param("now", utcNow()).update();
        jdbc.sql("""
                insert into outcomes_note (id, appointment_id, version, pain_regions, created_at, updated_at)
                select gen_random_uuid(), appointment_id, 1,
                    array[(array['low_back_lateral_R', 'low_back_lateral_L', 'neck_posterior_R', 'hip_lateral_L',
                                 'buttock_mid_R', 'iliac_crest_L'])[1 + (random() * 5)::int]], :now, :now
                from outcomes_visit where link_token_hash like 'bench-%' and link_token_hash not like 'bench-%-%'""").param("now", utcNow()).update();
        jdbc.sql("""
                insert into outcomes_trigger_point (note_id, position, muscle_id, side, active, tenderness,
                    referral_reproduced)
                select n.id, p, (array['quadratus_lumborum', 'gluteus_medius', 'piriformis', 'psoas_major',
                    'upper_trapezius', 'levator_scapulae'])[1 + (random() * 5)::int], 'R', random() < 0.7,
                    (random() * 3)::int, random() < 0.5
                from outcomes_note n join outcomes_visit v on v.appointment_id = n.appointment_id
                cross join generate_series(0, 1) p
                where v.link_token_hash like 'bench-%' and v.link_token_hash not like 'bench-%-%'""").update();
        jdbc.sql("""
                update outcomes_note n set signed_at = :now, signed_by = 'bench' from outcomes_visit v
                where v.appointment_id = n.appointment_id and v.link_token_hash like 'bench-%'
                  and v.link_token_hash not like 'bench-%-%'""").param("now", utcNow()).update();
        jdbc.sql("analyze").update();
        if (Boolean.getBoolean("relief.bench.explain")) {
            jdbc.sql("explain (analyze, buffers) " + ResultStore.FIRST_SESSION_HISTOGRAMS)
                    .query(String.class)
                    .list()
                    .forEach(line -> System.out.println("PLAN " + line));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            int lines = results.all().size();
            nanos.add(System.nanoTime() - start);
            if (i == 0) {
                System.out.println("BENCH results lines: " + lines);
            }
        }
        report("owner results (Results.all), 100,000 first sessions, 7 runs", nanos);
        List<Long> page = new ArrayList<>();
        String owner = fixture.staffMember(StaffRole.OWNER);
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            mvc.perform(get("/staff/outcomes/results").with(user(owner).roles("OWNER")))
                    .andExpect(status().isOk());
            page.add(System.nanoTime() - start);
        }
        report("owner results page (/staff/outcomes/results), 5 requests", page);
    }

    private OffsetDateTime utcNow() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH %s: median %.1f ms, min %.1f ms, max %.1f ms%n",
                what, sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
