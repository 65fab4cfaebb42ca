package clinic.relief.insurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claim rows and their lines. */
@Repository
class Claims {

    private static final String COLUMNS = """
            id, number, appointment_id, patient_id, coverage_id, prescription_id, therapist_id, service_id,
            service_date, state, diagnoses, paid, patient_share, created_at, submitted_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Claims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a new draft and returns its number; empty when the appointment already has a claim. */
    Optional<Long> insert(UUID id, Claim.Facts f, List<Icd10> diagnoses, Money charge) {
        return jdbc.sql("""
                insert into insurance_claim (id, appointment_id, patient_id, coverage_id, prescription_id,
                    therapist_id, service_id, service_date, state, diagnoses, charge, created_at)
                values (:id, :appointment, :patient, :coverage, :prescription, :therapist, :service, :date,
                    'DRAFT', string_to_array(:codes, ','), :charge, :now)
                on conflict (appointment_id) do nothing returning number""")
                .param("id", id).param("appointment", f.appointmentId()).param("patient", f.patientId())
                .param("coverage", f.coverageId()).param("prescription", f.prescriptionId())
                .param("therapist", f.therapistId()).param("service", f.serviceId()).param("date", f.serviceDate())
                .param("codes", String.join(",", diagnoses.stream().map(Icd10::code).toList()))
                .param("charge", charge.amount()).param("now", utc(f.createdAt()))
                .query(Long.class).optional();
    }

    /** Writes the state, amounts and lines of a claim. */
    void update(Claim claim) {
        jdbc.sql("""
                update insurance_claim set state = :state, charge = :charge, paid = :paid,
                    patient_share = :share, submitted_at = :submitted,
                    settled_at = case when :settled then :now else settled_at end where id = :id""")
                .param("state", claim.state().name()).param("charge", claim.charge().amount())
                .param("paid", claim.paid().amount()).param("share", claim.patientShare().amount())
                .param("submitted", claim.submittedAt() == null ? null : utc(claim.submittedAt()))
                .param("settled", claim.state().settled()).param("now", utc(clock.instant()))
                .param("id", claim.id())
                .update();
        jdbc.sql("delete from insurance_claim_line where claim_id = :id").param("id", claim.id()).update();
        int no = 0;
        for (ClaimLine line : claim.lines()) {
            jdbc.sql("""
                    insert into insurance_claim_line (claim_id, line_no, cpt, minutes, units, charge, pointers)
                    values (:id, :no, :cpt, :minutes, :units, :charge, :pointers)""")
                    .param("id", claim.id()).param("no", ++no).param("cpt", line.cpt().code())
                    .param("minutes", line.minutes()).param("units", line.units())
                    .param("charge", line.charge().amount()).param("pointers", line.pointerLetters())
                    .update();
        }
    }

    Optional<Claim> find(UUID id) {
        return one("id = :v", id, false);
    }

    /** The claim, locked for the rest of the transaction (remittance posting). */
    Optional<Claim> lockByNumber(long number) {
        return one("number = :v", number, true);
    }

    List<Claim> inState(ClaimState state) {
        return jdbc.sql("select " + COLUMNS + " from insurance_claim where state = :s order by service_date, number")
                .param("s", state.name()).query(this::claim).list();
    }

    List<Claim> ofPatient(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from insurance_claim where patient_id = :p order by service_date desc")
                .param("p", patientId).query(this::claim).list();
    }

    private Optional<Claim> one(String where, Object value, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from insurance_claim where " + where + (lock ? " for update" : ""))
                .param("v", value).query(this::claim).optional();
    }

    private Claim claim(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Claim.Facts facts = new Claim.Facts(rs.getObject("appointment_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("coverage_id", UUID.class),
                rs.getObject("prescription_id", UUID.class), rs.getObject("therapist_id", UUID.class),
                rs.getString("service_id"), rs.getObject("service_date", LocalDate.class),
                rs.getTimestamp("created_at").toInstant());
        List<Icd10> diagnoses = Arrays.stream((String[]) rs.getArray("diagnoses").getArray()).map(Icd10::new)
                .toList();
        var submitted = rs.getTimestamp("submitted_at");
        return new Claim(id, rs.getLong("number"), facts, ClaimState.valueOf(rs.getString("state")), lines(id),
                diagnoses, Money.of(rs.getBigDecimal("paid")), Money.of(rs.getBigDecimal("patient_share")),
                submitted == null ? null : submitted.toInstant());
    }

    private List<ClaimLine> lines(UUID claimId) {
        return jdbc.sql("select cpt, minutes, units, charge, pointers from insurance_claim_line where claim_id = :id"
                        + " order by line_no")
                .param("id", claimId)
                .query((rs, row) -> new ClaimLine(Cpt.of(rs.getString("cpt")), rs.getInt("minutes"),
                        rs.getInt("units"), Money.of(rs.getBigDecimal("charge")),
                        rs.getString("pointers").chars().map(c -> c - 'A' + 1).boxed().toList()))
                .list();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
