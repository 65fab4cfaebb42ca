package clinic.relief.insurance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * The 270s sent (the trace number that finds the coverage a 271 answers), the checks a 271 recorded with what it
 * said, and the coverage terms a 271 updates.
 */
@Repository
class EligibilityStore {

    private final JdbcClient jdbc;

    EligibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertRequest(String trace, UUID coverageId, UUID fileId, String by, Instant at) {
        jdbc.sql("""
                insert into insurance_eligibility_request (trace, coverage_id, sent_at, sent_by, file_id)
                values (:trace, :coverage, :at, :by, :file)""")
                .param("trace", trace)
                .param("coverage", coverageId)
                .param("at", utc(at))
                .param("by", by)
                .param("file", fileId)
                .update();
    }

    Optional<UUID> coverageOfTrace(String trace) {
        return jdbc.sql("select coverage_id from insurance_eligibility_request where trace = :trace")
                .param("trace", trace)
                .query(UUID.class)
                .optional();
    }

    /** The coverages (not voided) with this member id at this payer. */
    List<UUID> coveragesOfMember(String payerId, String memberId) {
        return jdbc.sql("""
                select id from insurance_coverage
                where voided_at is null and upper(member_id) = upper(:member) and upper(payer_id) = upper(:payer)""")
                .param("member", memberId)
                .param("payer", payerId)
                .query(UUID.class)
                .list();
    }

    /** What a 271 said about a coverage, as one eligibility check. */
    record Said(
            boolean active,
            String planName,
            @Nullable BigDecimal copay,
            @Nullable BigDecimal coinsurancePercent,
            @Nullable BigDecimal deductible,
            @Nullable BigDecimal deductibleRemaining,
            @Nullable Integer visitsAllowed,
            @Nullable Integer visitsRemaining) {}

    void insertCheck(UUID id, UUID coverageId, Said said, String trace, UUID fileId, String by, Instant at) {
        jdbc.sql("""
                insert into insurance_eligibility_check (id, coverage_id, checked_at, checked_by, active, visits_left,
                    reference, note, file_id, plan_name, service_type, copay, coinsurance_percent,
                    deductible_remaining, visits_allowed)
                values (:id, :coverage, :at, :by, :active, :left, :reference, null, :file, :plan, :type, :copay,
                    :coins, :remaining, :allowed)""")
                .param("id", id)
                .param("coverage", coverageId)
                .param("at", utc(at))
                .param("by", by)
                .param("active", said.active())
                .param("left", said.visitsRemaining())
                .param("reference", trace.isEmpty() ? null : trace)
                .param("file", fileId)
                .param("plan", said.planName().isEmpty() ? null : truncate(said.planName()))
                .param("type", "271")
                .param("copay", said.copay())
                .param("coins", said.coinsurancePercent())
                .param("remaining", said.deductibleRemaining())
                .param("allowed", said.visitsAllowed())
                .update();
    }

    /**
     * Sets the coverage's terms to what the 271 said, each only when it said it: copay, coinsurance, the deductible
     * and how much of it is met, the visits allowed and used.
     */
    void applyTerms(
            UUID coverageId,
            @Nullable BigDecimal copay,
            @Nullable BigDecimal coinsurancePercent,
            @Nullable BigDecimal deductible,
            @Nullable BigDecimal deductibleMet,
            @Nullable Integer visitsAllowed,
            @Nullable Integer visitsUsed) {
        jdbc.sql("""
                update insurance_coverage set
                    copay = coalesce(cast(:copay as numeric), copay),
                    coinsurance_percent = coalesce(cast(:coins as numeric), coinsurance_percent),
                    deductible = coalesce(cast(:deductible as numeric), deductible),
                    deductible_met = coalesce(cast(:met as numeric), deductible_met),
                    visits_allowed = coalesce(cast(:allowed as int), visits_allowed),
                    visits_used = coalesce(cast(:used as int), visits_used)
                where id = :id""")
                .param("copay", copay)
                .param("coins", coinsurancePercent)
                .param("deductible", deductible)
                .param("met", deductibleMet)
                .param("allowed", visitsAllowed)
                .param("used", visitsUsed)
                .param("id", coverageId)
                .update();
    }

    /** The last check a 271 recorded for the coverage. */
    Optional<EligibilityResult> lastAnswer(UUID coverageId) {
        return jdbc.sql("""
                select checked_at, active, coalesce(plan_name, '') as plan_name, copay, coinsurance_percent,
                    deductible_remaining, visits_allowed, visits_left
                from insurance_eligibility_check where coverage_id = :c and file_id is not null
                order by checked_at desc limit 1""")
                .param("c", coverageId)
                .query((rs, row) -> new EligibilityResult(
                        rs.getTimestamp("checked_at").toInstant(),
                        rs.getBoolean("active"),
                        rs.getString("plan_name"),
                        Optional.ofNullable(rs.getBigDecimal("copay")).map(Money::of),
                        Optional.ofNullable(rs.getBigDecimal("coinsurance_percent")),
                        Optional.ofNullable(rs.getBigDecimal("deductible_remaining"))
                                .map(Money::of),
                        Optional.ofNullable(rs.getObject("visits_allowed", Integer.class)),
                        Optional.ofNullable(rs.getObject("visits_left", Integer.class))))
                .optional();
    }

    /** When the last 270 for the coverage was sent, if any. */
    Optional<Instant> lastRequest(UUID coverageId) {
        return jdbc.sql("select max(sent_at) from insurance_eligibility_request where coverage_id = :c")
                .param("c", coverageId)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Records the payer's AAA answer about a coverage. */
    void insertRejection(UUID coverageId, UUID fileId, List<Eligibility271.Rejection> rejections, Instant at) {
        jdbc.sql("""
                insert into insurance_eligibility_rejection (id, coverage_id, file_id, rejected_at, reasons, follow_ups)
                values (:id, :coverage, :file, :at, :reasons::varchar[], :followUps::varchar[])""")
                .param("id", UUID.randomUUID())
                .param("coverage", coverageId)
                .param("file", fileId)
                .param("at", utc(at))
                .param(
                        "reasons",
                        rejections.stream().map(Eligibility271.Rejection::code).toArray(String[]::new))
                .param(
                        "followUps",
                        rejections.stream()
                                .map(Eligibility271.Rejection::followUp)
                                .filter(f -> !f.isEmpty())
                                .distinct()
                                .toArray(String[]::new))
                .update();
    }

    /** The payer's last AAA answer about the coverage, when it came after the last 271 that checked it. */
    Optional<EligibilityRejection> lastRejection(UUID coverageId) {
        return jdbc.sql("""
                select r.rejected_at, r.reasons, r.follow_ups from insurance_eligibility_rejection r
                where r.coverage_id = :c and not exists (
                    select 1 from insurance_eligibility_check k
                    where k.coverage_id = r.coverage_id and k.file_id is not null and k.checked_at > r.rejected_at)
                order by r.rejected_at desc limit 1""")
                .param("c", coverageId)
                .query((rs, row) -> new EligibilityRejection(
                        rs.getTimestamp("rejected_at").toInstant(),
                        List.of((String[]) rs.getArray("reasons").getArray()),
                        List.of((String[]) rs.getArray("follow_ups").getArray())))
                .optional();
    }

    private static String truncate(String text) {
        return text.length() > 80 ? text.substring(0, 80) : text;
    }
}
