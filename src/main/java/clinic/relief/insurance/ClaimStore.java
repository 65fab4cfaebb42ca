package clinic.relief.insurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Claim rows and their lines, the payer's payments and adjustments posted to them, and interchange numbers. */
@Repository
class ClaimStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClaimStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a new draft and returns its number; empty when the appointment already has a claim. */
    Optional<Long> insert(UUID id, Claim.Facts f, List<Icd10> diagnoses, Money charge) {
        return jdbc.sql("""
                insert into insurance_claim (id, appointment_id, patient_id, coverage_id, prescription_id,
                    therapist_id, service_id, service_date, state, diagnoses, charge, created_at)
                values (:id, :appointment, :patient, :coverage, :prescription, :therapist, :service, :date,
                    'DRAFT', :codes::text[], :charge, :now)
                on conflict (appointment_id) do nothing returning number""")
                .param("id", id)
                .param("appointment", f.appointmentId())
                .param("patient", f.patientId())
                .param("coverage", f.coverageId())
                .param("prescription", f.prescriptionId())
                .param("therapist", f.therapistId())
                .param("service", f.serviceId())
                .param("date", f.serviceDate())
                .param("codes", diagnoses.stream().map(Icd10::code).toArray(String[]::new))
                .param("charge", charge.amount())
                .param("now", utc(f.createdAt()))
                .query(Long.class)
                .optional();
    }

    /** Writes the state, amounts and lines of a claim (its lines in one statement). */
    void update(Claim claim) {
        jdbc.sql("""
                update insurance_claim set state = :state, charge = :charge, paid = :paid,
                    patient_share = :share, submitted_at = :submitted, payer_claim_number = coalesce(:payerClaim, payer_claim_number),
                    acknowledgment = :ack, acknowledgment_codes = :ackCodes,
                    settled_at = case when :settled then :now else settled_at end where id = :id""")
                .param("state", claim.state().name())
                .param("charge", claim.charge().amount())
                .param("paid", claim.paid().amount())
                .param("share", claim.patientShare().amount())
                .param("submitted", utc(claim.submittedAt()))
                .param("ack", claim.acknowledgment())
                .param("ackCodes", claim.acknowledgmentCodes())
                .param("payerClaim", claim.payerClaimNumber().isEmpty() ? null : claim.payerClaimNumber())
                .param("settled", claim.state().settled())
                .param("now", utc(clock.instant()))
                .param("id", claim.id())
                .update();
        jdbc.sql("delete from insurance_claim_line where claim_id = :id")
                .param("id", claim.id())
                .update();
        List<ClaimLine> lines = claim.lines();
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into insurance_claim_line (claim_id, line_no, cpt, minutes, units, charge, pointers)
                select :id, line_no, cpt, minutes, units, charge, pointers
                from unnest(:cpts::text[], :minutes::int[], :units::int[], :charges::numeric[], :pointers::text[])
                    with ordinality as line (cpt, minutes, units, charge, pointers, line_no)""")
                .param("id", claim.id())
                .param("cpts", lines.stream().map(line -> line.cpt().code()).toArray(String[]::new))
                .param("minutes", lines.stream().map(ClaimLine::minutes).toArray(Integer[]::new))
                .param("units", lines.stream().map(ClaimLine::units).toArray(Integer[]::new))
                .param(
                        "charges",
                        lines.stream().map(line -> line.charge().toString()).toArray(String[]::new))
                .param("pointers", lines.stream().map(ClaimLine::pointerLetters).toArray(String[]::new))
                .update();
    }

    Optional<Claim> find(UUID id) {
        return jdbc.sql("""
                select id, number, appointment_id, patient_id, coverage_id, prescription_id, therapist_id, service_id,
                    service_date, state, diagnoses, paid, patient_share, created_at, submitted_at, payer_claim_number,
                    acknowledgment, acknowledgment_codes
                from insurance_claim where id = :id""").param("id", id).query(this::claim).optional();
    }

    /** The claim, locked for the rest of the transaction (remittance posting). */
    Optional<Claim> lockByNumber(long number) {
        return jdbc.sql("""
                select id, number, appointment_id, patient_id, coverage_id, prescription_id, therapist_id, service_id,
                    service_date, state, diagnoses, paid, patient_share, created_at, submitted_at, payer_claim_number,
                    acknowledgment, acknowledgment_codes
                from insurance_claim where number = :number for update""").param("number", number).query(this::claim).optional();
    }

    Optional<Claim> lock(UUID id) {
        return jdbc.sql("""
                select id, number, appointment_id, patient_id, coverage_id, prescription_id, therapist_id, service_id,
                    service_date, state, diagnoses, paid, patient_share, created_at, submitted_at, payer_claim_number,
                    acknowledgment, acknowledgment_codes
                from insurance_claim where id = :id for update""").param("id", id).query(this::claim).optional();
    }

    List<Claim> inState(ClaimState state) {
        return jdbc.sql("""
                select id, number, appointment_id, patient_id, coverage_id, prescription_id, therapist_id, service_id,
                    service_date, state, diagnoses, paid, patient_share, created_at, submitted_at, payer_claim_number,
                    acknowledgment, acknowledgment_codes
                from insurance_claim where state = :s order by service_date, number""").param("s", state.name()).query(this::claim).list();
    }

    List<Claim> ofPatient(UUID patientId) {
        return jdbc.sql("""
                select id, number, appointment_id, patient_id, coverage_id, prescription_id, therapist_id, service_id,
                    service_date, state, diagnoses, paid, patient_share, created_at, submitted_at, payer_claim_number,
                    acknowledgment, acknowledgment_codes
                from insurance_claim where patient_id = :p order by service_date desc""").param("p", patientId).query(this::claim).list();
    }

    /**
     * Records a payer's payment of the claim with this number, with its adjustments, unless a payment with the same
     * reference is recorded; false when it was.
     */
    boolean insertPayment(long claimNumber, Remittance.ClaimPayment payment, UUID fileId, Instant at) {
        UUID paymentId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into insurance_claim_payment (id, claim_id, reference, status_code, paid, patient_share,
                    posted_at, payer_claim_number, remark_codes, file_id)
                select :id, id, :reference, :status, :paid, :share, :now, :payerClaim, :remarks::text[], :file
                from insurance_claim where number = :number
                on conflict (reference) do nothing""")
                .param("id", paymentId)
                .param("payerClaim", payment.payerClaimNumber())
                .param("remarks", payment.remarks().toArray(String[]::new))
                .param("file", fileId)
                .param("reference", payment.reference())
                .param("status", payment.status())
                .param("paid", payment.paid().amount())
                .param("share", payment.patientShare().amount())
                .param("now", utc(at))
                .param("number", claimNumber)
                .update();
        if (inserted == 0) {
            return false;
        }
        List<Remittance.Adjustment> adjustments = payment.adjustments();
        if (adjustments.isEmpty()) {
            return true;
        }
        jdbc.sql("""
                insert into insurance_claim_adjustment (payment_id, group_code, reason_code, amount)
                select :id, group_code, reason_code, amount
                from unnest(:groups::text[], :reasons::text[], :amounts::numeric[])
                    as adjustment (group_code, reason_code, amount)""")
                .param("id", paymentId)
                .param(
                        "groups",
                        adjustments.stream().map(Remittance.Adjustment::group).toArray(String[]::new))
                .param(
                        "reasons",
                        adjustments.stream().map(Remittance.Adjustment::reason).toArray(String[]::new))
                .param(
                        "amounts",
                        adjustments.stream().map(a -> a.amount().toString()).toArray(String[]::new))
                .update();
        return true;
    }

    /** The next interchange control number for an 837P file. */
    long nextInterchangeNumber() {
        return jdbc.sql("select nextval('insurance_interchange_number')")
                .query(Long.class)
                .single();
    }

    private Claim claim(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Claim.Facts facts = new Claim.Facts(
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("coverage_id", UUID.class),
                rs.getObject("prescription_id", UUID.class),
                rs.getObject("therapist_id", UUID.class),
                rs.getString("service_id"),
                rs.getObject("service_date", LocalDate.class),
                rs.getTimestamp("created_at").toInstant());
        List<Icd10> diagnoses = Arrays.stream(
                        (String[]) rs.getArray("diagnoses").getArray())
                .map(Icd10::new)
                .toList();
        var submitted = rs.getTimestamp("submitted_at");
        Claim claim = new Claim(
                id,
                rs.getLong("number"),
                facts,
                ClaimState.valueOf(rs.getString("state")),
                lines(id),
                diagnoses,
                Money.of(rs.getBigDecimal("paid")),
                Money.of(rs.getBigDecimal("patient_share")),
                submitted == null ? null : submitted.toInstant());
        String payerClaim = rs.getString("payer_claim_number");
        claim.payerClaimNumber(payerClaim == null ? "" : payerClaim);
        claim.acknowledgment(rs.getString("acknowledgment"), rs.getString("acknowledgment_codes"));
        return claim;
    }

    private List<ClaimLine> lines(UUID claimId) {
        return jdbc.sql("""
                select cpt, minutes, units, charge, pointers from insurance_claim_line where claim_id = :id
                order by line_no""")
                .param("id", claimId)
                .query((rs, row) -> new ClaimLine(
                        Cpt.of(rs.getString("cpt")),
                        rs.getInt("minutes"),
                        rs.getInt("units"),
                        Money.of(rs.getBigDecimal("charge")),
                        rs.getString("pointers")
                                .chars()
                                .map(c -> c - 'A' + 1)
                                .boxed()
                                .toList()))
                .list();
    }
}
