package clinic.relief.insurance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * An 835 paying 1,000 submitted claims posted by {@link Remittances#importFile} (read, matched, each payment and
 * its adjustments stored, each claim settled and audited, billing told the patient's share), against the embedded
 * PostgreSQL: 1 warm-up round then 3 measured, each on 1,000 claims of its own (one claim drafted, submitted and
 * copied in SQL); prints each round, the median and the load average. A benchmark, not a test: surefire does not
 * pick it up by name, and nothing is asserted about time. Run it with {@code ./mvnw -q test
 * -Dtest=Remittance835Benchmark -Dsurefire.failIfNoSpecifiedTests=false} (see docs/benchmarks.md).
 */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class Remittance835Benchmark {

    private static final int CLAIMS = 1_000;
    private static final int ROUNDS = 4;

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

    @Autowired
    ClaimFiles files;

    @Autowired
    Remittances remittances;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppointmentBook book;

    @Autowired
    Clock clock;

    @Test
    void postsAnX12835PayingAThousandClaims() throws IOException {
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        UUID therapist = fixture.therapist();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(400)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(20)));
        UUID visit =
                fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(3), 10));
        files.submitReady();
        Claim source = desk.ofPatient(patient).get(0);
        desk.markReady(source.id());
        files.submitReady().orElseThrow();
        copies(visit, source, patient, CLAIMS * ROUNDS);
        List<Long> numbers = jdbc.sql("""
                select number from insurance_claim where patient_id = :p and state = 'SUBMITTED' order by number""").param("p", patient).query(Long.class).list();
        if (numbers.size() < CLAIMS * ROUNDS) {
            throw new IllegalStateException("Only " + numbers.size() + " submitted claims");
        }
        Money charge = source.charge();
        Money paid = charge.percent(new BigDecimal("80"));
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Remittance835 file = new Remittance835("BENCH" + round);
            for (Long number : numbers.subList(round * CLAIMS, (round + 1) * CLAIMS)) {
                file.claim("R" + number, "1", plain(charge), plain(paid), "0", "CO*45*" + plain(charge.minus(paid)));
            }
            String x12 = file.build();
            long start = System.nanoTime();
            Remittances.Imported imported = remittances.importFile(x12);
            long end = System.nanoTime();
            if (imported.posted() != CLAIMS) {
                throw new IllegalStateException("Posted " + imported.posted() + " of " + CLAIMS);
            }
            if (round > 0) {
                millis.add((end - start) / 1_000_000);
            }
            System.out.println(
                    "835 round " + round + ": " + (end - start) / 1_000_000 + " ms (" + x12.length() / 1024 + " KB)");
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH 835 of %d claims posted: median %d ms (rounds %s); load average %s%n",
                CLAIMS,
                sorted.get(sorted.size() / 2),
                millis,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static String plain(Money money) {
        return money.amount().setScale(2).toPlainString();
    }

    /** Copies the submitted claim {@code count} times, each on a visit of its own two hours earlier than the last. */
    private void copies(UUID visit, Claim source, UUID patient, int count) {
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                select gen_random_uuid(), a.patient_id, a.therapist_id, a.service_id, a.minutes,
                    a.starts_at - n * interval '2 hours', a.ends_at - n * interval '2 hours',
                    a.blocked_until - n * interval '2 hours', a.status, a.source, a.created_at
                from booking_appointment a, generate_series(1, :count) n where a.id = :visit""").param("count", count).param("visit", visit).update();
        jdbc.sql("""
                insert into insurance_claim (id, appointment_id, patient_id, coverage_id, prescription_id, therapist_id,
                    service_id, service_date, state, diagnoses, charge, created_at, submitted_at)
                select gen_random_uuid(), b.id, c.patient_id, c.coverage_id, c.prescription_id, c.therapist_id,
                    c.service_id, c.service_date, c.state, c.diagnoses, c.charge, c.created_at, c.submitted_at
                from insurance_claim c join booking_appointment b on b.patient_id = c.patient_id
                where c.id = :claim and b.id <> c.appointment_id""").param("claim", source.id()).update();
        jdbc.sql("""
                insert into insurance_claim_line (claim_id, line_no, cpt, minutes, units, charge, pointers)
                select x.id, l.line_no, l.cpt, l.minutes, l.units, l.charge, l.pointers
                from insurance_claim x join insurance_claim_line l on l.claim_id = :claim
                where x.patient_id = :patient and x.id <> :claim""").param("claim", source.id()).param("patient", patient).update();
    }
}
