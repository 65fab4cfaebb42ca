package clinic.relief.insurance;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Provider-level adjustments (PLB) and the payments posted to a claim, read back with their adjustments. */
@Repository
class RemittanceStore {

    private final JdbcClient jdbc;

    RemittanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a PLB adjustment unless one with the same reference is recorded; false when it was. */
    boolean insertProviderAdjustment(Remittance.ProviderAdjustment plb, UUID fileId, Instant at) {
        return jdbc.sql("""
                insert into insurance_provider_adjustment (id, file_id, reference, provider, fiscal_date, reason_code,
                    identifier, amount, posted_at)
                values (:id, :file, :reference, :provider, :date, :reason, :identifier, :amount, :now)
                on conflict (reference) do nothing""")
                        .param("id", UUID.randomUUID())
                        .param("file", fileId)
                        .param("reference", plb.reference())
                        .param("provider", plb.provider())
                        .param("date", plb.fiscalDate())
                        .param("reason", plb.reason())
                        .param("identifier", plb.identifier())
                        .param("amount", plb.amount().amount())
                        .param("now", utc(at))
                        .update()
                > 0;
    }

    /** The provider-level adjustments, newest first. */
    List<ProviderAdjustmentView> providerAdjustments(int limit) {
        return jdbc.sql("""
                select reason_code, identifier, amount, fiscal_date, posted_at from insurance_provider_adjustment
                order by posted_at desc, reference limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new ProviderAdjustmentView(
                        rs.getString("reason_code"),
                        rs.getString("identifier"),
                        Money.of(rs.getBigDecimal("amount")),
                        rs.getString("fiscal_date"),
                        rs.getTimestamp("posted_at").toInstant()))
                .list();
    }

    /** A PLB adjustment as the remittance page lists it. */
    record ProviderAdjustmentView(
            String reason, String identifier, Money amount, String fiscalDate, Instant postedAt) {}

    /** The payer's payments and reversals posted to a claim, oldest first, each with its adjustments. */
    List<PostedPayment> payments(UUID claimId) {
        List<PostedPayment> payments = jdbc.sql("""
                select id, status_code, paid, patient_share, payer_claim_number, remark_codes, posted_at
                from insurance_claim_payment where claim_id = :claim order by seq""")
                .param("claim", claimId)
                .query((rs, row) -> new PostedPayment(
                        rs.getObject("id", UUID.class),
                        rs.getString("status_code"),
                        Money.of(rs.getBigDecimal("paid")),
                        Money.of(rs.getBigDecimal("patient_share")),
                        rs.getString("payer_claim_number"),
                        codes(rs.getArray("remark_codes")),
                        rs.getTimestamp("posted_at").toInstant(),
                        new ArrayList<>()))
                .list();
        for (PostedPayment payment : payments) {
            payment.adjustments()
                    .addAll(jdbc.sql("""
                            select group_code, reason_code, amount from insurance_claim_adjustment
                            where payment_id = :id order by group_code, reason_code""")
                            .param("id", payment.id())
                            .query((rs, row) -> new Remittance.Adjustment(
                                    rs.getString("group_code"),
                                    rs.getString("reason_code"),
                                    Money.of(rs.getBigDecimal("amount"))))
                            .list());
        }
        return payments;
    }

    /** One posted CLP: the payer's status code, amounts, claim number, remark codes and adjustments. */
    record PostedPayment(
            UUID id,
            String status,
            Money paid,
            Money patientShare,
            String payerClaimNumber,
            List<String> remarks,
            Instant postedAt,
            List<Remittance.Adjustment> adjustments) {}

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
