package clinic.relief.insurance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.shared.Money;

/**
 * Claims aging: every claim still waiting on the payer (submitted, appealed, or partly paid with an open balance),
 * by days since it was submitted, in the buckets 0-30, 31-60, 61-90 and over 90 days. Pure.
 */
public record ClaimsAging(List<Line> lines, List<Bucket> buckets, Money total) {

    /** One outstanding claim. */
    public record Line(
            String claimId,
            LocalDate serviceDate,
            LocalDate submittedOn,
            ClaimState state,
            long days,
            String bucket,
            Money outstanding,
            String acknowledgment) {}

    /** A bucket's count and amount. */
    public record Bucket(String name, int claims, Money amount) {}

    static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", "90+");

    static ClaimsAging of(List<Claim> claims, LocalDate today, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.submittedAt() == null || claim.balance().compareTo(Money.ZERO) <= 0) {
                continue;
            }
            LocalDate submitted = claim.submittedAt().atZone(zone).toLocalDate();
            long days = ChronoUnit.DAYS.between(submitted, today);
            lines.add(new Line(
                    claim.claimId(),
                    claim.facts().serviceDate(),
                    submitted,
                    claim.state(),
                    days,
                    bucket(days),
                    claim.balance(),
                    claim.acknowledgment()));
        }
        List<Bucket> buckets = BUCKETS.stream()
                .map(name -> new Bucket(
                        name,
                        (int) lines.stream()
                                .filter(l -> l.bucket().equals(name))
                                .count(),
                        lines.stream()
                                .filter(l -> l.bucket().equals(name))
                                .map(Line::outstanding)
                                .reduce(Money.ZERO, Money::plus)))
                .toList();
        return new ClaimsAging(
                lines, buckets, lines.stream().map(Line::outstanding).reduce(Money.ZERO, Money::plus));
    }

    static String bucket(long days) {
        return days <= 30 ? "0-30" : days <= 60 ? "31-60" : days <= 90 ? "61-90" : "90+";
    }

    /** The lines as CSV (RFC 4180), with a header row; no patient names. */
    public String csv() {
        StringBuilder csv = new StringBuilder("claim,service_date,submitted_on,state,days,bucket,outstanding\r\n");
        lines.forEach(l -> csv.append(l.claimId())
                .append(',')
                .append(l.serviceDate())
                .append(',')
                .append(l.submittedOn())
                .append(',')
                .append(l.state())
                .append(',')
                .append(l.days())
                .append(',')
                .append(l.bucket())
                .append(',')
                .append(l.outstanding())
                .append("\r\n"));
        return csv.toString();
    }
}
