package clinic.relief.outcomes;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** De-identified results: a public number needs at least 10 clients behind it; the owner sees everything. */
@ReliefTest
class ResultsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    Measures measures;

    @Autowired
    Results results;

    @Autowired
    Clock clock;

    /** First sessions of {@code clients} new clients for a service of its own; pain 6 to 3 (reached) or 6 to 5. */
    private String firstSessions(int clients, int reaching) {
        String service = "k-" + UUID.randomUUID().toString().substring(0, 8);
        String therapist = fixture.staffMember(StaffRole.THERAPIST);
        for (int i = 0; i < clients; i++) {
            UUID appointment =
                    fixture.visit(fixture.client(), therapist, clock.instant().minus(i + 1, ChronoUnit.DAYS), service);
            measures.recordPain(fixture.visitOf(appointment), 6, i < reaching ? 3 : 5, Measures.Actor.CLIENT_LINK);
        }
        return service;
    }

    private Results.Line line(List<Results.Line> lines, String service) {
        return lines.stream()
                .filter(l -> l.dimension().equals("service") && l.key().equals(service))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aGroupOfNineClientsIsNeverPublishedAndTenAre() throws Exception {
        String nine = firstSessions(9, 9);
        String ten = firstSessions(10, 6);

        assertThat(line(results.forPublic(10), nine)).isNull();
        Results.Line published = line(results.forPublic(10), ten);
        assertThat(published.clients()).isEqualTo(10);
        assertThat(published.sharePercent()).isEqualTo(60);
        assertThat(published.medianDrop()).isEqualTo(3.0);
        assertThat(line(results.all(), nine).clients()).isEqualTo(9);

        mvc.perform(get("/results"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ten)))
                .andExpect(content().string(not(containsString(nine))));
    }

    @Test
    void groupsByTherapistAreNeverPublicAndTheOwnerPageIsTheOwnersOnly() throws Exception {
        firstSessions(10, 10);
        assertThat(results.forPublic(10)).noneMatch(l -> l.dimension().equals("therapist"));
        assertThat(results.all()).anyMatch(l -> l.dimension().equals("therapist") && l.clients() >= 10);
        mvc.perform(get("/staff/outcomes/results")
                        .with(user(fixture.staffMember(StaffRole.OWNER)).roles("OWNER")))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/outcomes/results")
                        .with(user(fixture.staffMember(StaffRole.THERAPIST)).roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 2026})
    void theMedianFromAHistogramIsTheMedianOfTheFalls(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 100; round++) {
            int n = 1 + random.nextInt(40);
            List<Integer> drops = new ArrayList<>();
            TreeMap<Integer, long[]> histogram = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                int drop = random.nextInt(21) - 10;
                drops.add(drop);
                histogram.computeIfAbsent(drop, d -> new long[2])[0]++;
            }
            Collections.sort(drops);
            double median = (drops.get((n - 1) / 2) + drops.get(n / 2)) / 2.0;
            assertThat(Results.line("overall", "", histogram).medianDrop()).isEqualTo(median);
        }
    }

    @Test
    void theMinimumNeverGoesBelowTen() {
        assertThat(new OutcomesSettings(null, null, Map.of(), null, 3).minimumClients())
                .isEqualTo(10);
    }

    @Test
    void finderPrecisionAndRecallCountTopThreeAgainstActiveFindings() {
        Map<String, int[]> counts = new TreeMap<>();
        FinderAccuracy.count(
                counts, Set.of("quadratus_lumborum", "gluteus_medius", "piriformis"), Set.of("quadratus_lumborum"));
        FinderAccuracy.count(counts, Set.of("quadratus_lumborum", "psoas_major", "iliacus"), Set.of("gluteus_medius"));
        var ql = new FinderAccuracy.MuscleAccuracy(
                "quadratus_lumborum",
                counts.get("quadratus_lumborum")[0],
                counts.get("quadratus_lumborum")[1],
                counts.get("quadratus_lumborum")[2]);
        assertThat(ql.precision()).isEqualTo(0.5);
        assertThat(ql.recall()).isEqualTo(1.0);
        int[] glute = counts.get("gluteus_medius");
        assertThat(glute).containsExactly(1, 1, 0);
        assertThat(new FinderAccuracy.MuscleAccuracy("psoas_major", 1, 0, 0).recall())
                .isNull();
    }
}
