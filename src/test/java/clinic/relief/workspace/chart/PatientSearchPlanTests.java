package clinic.relief.workspace.chart;

import java.time.Clock;
import java.util.List;

import clinic.relief.ReliefTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header search must stay fast with 50,000 patients: a name fragment and a phone fragment are found through the
 * trigram indexes, never by reading the whole table. The plan is taken over 50,000 generated patients in a
 * transaction that is rolled back (on a nearly empty table any plan is cheap, so the choice would say nothing).
 * Time is reported, not asserted: the benchmark measures it. (A fragment most patients share, such as a common first
 * name, may instead walk the name-ordered index and stop after a page of hits, which is as cheap.)
 */
@ReliefTest
class PatientSearchPlanTests {

    private static final Logger log = LoggerFactory.getLogger(PatientSearchPlanTests.class);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @ParameterizedTest(name = "{0} \"{1}\" uses {2}")
    @CsvSource({"text, %ana%garciac4ca42%, patient_search_trgm", "phone, %5550142%, patient_phone_trgm"})
    void searchesFindPatientsThroughTheirTrigramIndex(String kind, String pattern, String index) {
        List<String> plan = transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("""
                    insert into patient (id, first_name, last_name, phone, email, date_of_birth, created_at)
                    select gen_random_uuid(), (array['José', 'Ana', 'Luis', 'Mary', 'John', 'Wei'])[1 + n % 6],
                        'Garcia' || md5(n::text), '(310) 555-' || lpad((n % 10000)::text, 4, '0'),
                        'p' || n || '@example.com', date '1950-01-01' + (n % 20000), :now
                    from generate_series(1, 50000) n""").param("now", utc(clock.instant())).update();
            jdbc.sql("analyze patient").update();
            return jdbc.sql("explain (analyze, costs off, timing off) "
                            + ("text".equals(kind) ? PatientListStore.BY_TEXT : PatientListStore.BY_PHONE))
                    .param("pattern", pattern)
                    .param("now", utc(clock.instant()))
                    .param("upcoming", false)
                    .param("owing", false)
                    .param("member", false)
                    .param("limit", 8)
                    .param("offset", 0)
                    .query(String.class)
                    .list();
        });
        log.info("Patient search plan ({}):\n{}", kind, String.join("\n", plan));
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on patient"));
        assertThat(plan).anyMatch(line -> line.contains("Bitmap Index Scan on " + index));
    }
}
