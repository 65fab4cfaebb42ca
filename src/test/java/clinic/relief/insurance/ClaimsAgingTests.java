package clinic.relief.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsAgingTests {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource({"0, 0-30", "30, 0-30", "31, 31-60", "60, 31-60", "61, 61-90", "90, 61-90", "91, 90+", "400, 90+"})
    void putsEachClaimInItsBucket(long days, String bucket) {
        assertThat(ClaimsAging.bucket(days)).isEqualTo(bucket);
    }

    @Test
    void countsDaysSinceSubmissionOnTheClinicsCalendarAndSumsOpenAmounts() {
        // Submitted at 23:30 in Los Angeles on Oct 26 (06:30 UTC on Oct 27): 30 days, not 29.
        Claim lateEvening = claim(1, Instant.parse("2026-10-27T06:30:00Z"), ClaimState.SUBMITTED, "0");
        Claim old = claim(2, Instant.parse("2026-08-01T18:00:00Z"), ClaimState.APPEALED, "0");
        Claim partlyPaid = claim(3, Instant.parse("2026-10-01T18:00:00Z"), ClaimState.PARTLY_PAID, "60.00");
        Claim settled = claim(4, Instant.parse("2026-10-01T18:00:00Z"), ClaimState.PARTLY_PAID, "110.00");

        ClaimsAging aging = ClaimsAging.of(List.of(lateEvening, old, partlyPaid, settled), TODAY, LA);

        assertThat(aging.lines())
                .extracting(ClaimsAging.Line::claimId, ClaimsAging.Line::days, ClaimsAging.Line::bucket)
                .containsExactly(
                        Tuple.tuple("R1", 30L, "0-30"),
                        Tuple.tuple("R2", 116L, "90+"),
                        Tuple.tuple("R3", 55L, "31-60"));
        assertThat(aging.buckets())
                .extracting(ClaimsAging.Bucket::amount)
                .containsExactly(Money.of("110.00"), Money.of("50.00"), Money.ZERO, Money.of("110.00"));
        assertThat(aging.total()).isEqualTo(Money.of("270.00"));
        assertThat(aging.csv())
                .startsWith("claim,service_date,submitted_on,state,days,bucket,outstanding\r\n"
                        + "R1,2026-10-20,2026-10-26,SUBMITTED,30,0-30,110.00\r\n");
    }

    private static Claim claim(int number, Instant submitted, ClaimState state, String paid) {
        return new Claim(
                UUID.randomUUID(),
                number,
                new Claim.Facts(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        UUID.randomUUID(),
                        "trigger-point",
                        LocalDate.of(2026, 10, 20),
                        submitted),
                state,
                List.of(new ClaimLine(Cpt.MANUAL_THERAPY, 60, 4, Money.of("110.00"), List.of(1))),
                List.of(new Icd10("M54.50")),
                Money.of(paid),
                Money.ZERO,
                submitted);
    }
}
