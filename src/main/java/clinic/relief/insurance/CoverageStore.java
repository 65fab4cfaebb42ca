package clinic.relief.insurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Coverage rows: insert, find, count a visit against the plan year and the authorization. */
@Repository
class CoverageStore {

    private final JdbcClient jdbc;

    CoverageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Coverage c, String by, Instant now) {
        Subscriber s = c.subscriber();
        Authorization a = c.authorization();
        jdbc.sql("""
                insert into insurance_coverage (id, patient_id, payer_name, payer_id, plan_type, member_id,
                    group_number, relationship, subscriber_first_name, subscriber_last_name, subscriber_birth_date,
                    subscriber_sex, subscriber_street, subscriber_city, subscriber_state, subscriber_zip, copay,
                    coinsurance_percent, deductible, deductible_met, plan_year_start, visits_allowed, visits_used,
                    auth_number, auth_visits, auth_from, auth_to, credit_on_insured, effective_from, effective_to,
                    created_at, created_by)
                values (:id, :patient, :payer, :payerId, :plan, :member, :group, :rel, :first, :last, :dob, :sex,
                    :street, :city, :state, :zip, :copay, :coins, :deductible, :met, :yearStart, :allowed, :used,
                    :authNumber, :authVisits, :authFrom, :authTo, :credit, :from, :to, :now, :by)""")
                .param("id", c.id())
                .param("patient", c.patientId())
                .param("payer", c.payerName())
                .param("payerId", c.payerId())
                .param("plan", c.planType())
                .param("member", c.memberId())
                .param("group", c.groupNumber())
                .param("rel", s.relationship().name())
                .param("first", s.firstName())
                .param("last", s.lastName())
                .param("dob", s.birthDate())
                .param("sex", s.sex())
                .param("street", s.street())
                .param("city", s.city())
                .param("state", s.state())
                .param("zip", s.zip())
                .param("copay", c.copay().amount())
                .param("coins", c.coinsurancePercent())
                .param("deductible", c.deductible().amount())
                .param("met", c.deductibleMet().amount())
                .param("yearStart", c.planYearStart())
                .param("allowed", c.visitsAllowed().orNull())
                .param("used", c.visitsUsed())
                .param("authNumber", a == null ? null : a.number())
                .param("authVisits", a == null ? null : a.visits())
                .param("authFrom", a == null ? null : a.from())
                .param("authTo", a == null ? null : a.to())
                .param("credit", c.creditOnInsuredVisit())
                .param("from", c.effectiveFrom())
                .param("to", c.effectiveTo())
                .param("now", utc(now))
                .param("by", by)
                .update();
    }

    Optional<Coverage> find(UUID id) {
        return jdbc.sql("select * from insurance_coverage where id = :id")
                .param("id", id)
                .query(CoverageStore::coverage)
                .optional();
    }

    /** The patient's coverages that are not voided, newest first. */
    List<Coverage> ofPatient(UUID patientId) {
        return jdbc.sql("""
                select * from insurance_coverage where patient_id = :p and voided_at is null
                order by effective_from desc, created_at desc""")
                .param("p", patientId)
                .query(CoverageStore::coverage)
                .list();
    }

    /** The coverage in force on the date (the most recently started one when several overlap). */
    Optional<Coverage> activeOn(UUID patientId, LocalDate date) {
        return ofPatient(patientId).stream().filter(c -> c.activeOn(date)).findFirst();
    }

    /** Counts one visit against the plan year and, when the visit falls in it, the authorization. */
    void countVisit(UUID coverageId, boolean againstAuthorization) {
        jdbc.sql("""
                update insurance_coverage set visits_used = visits_used + 1,
                    auth_visits_used = auth_visits_used + case when :auth then 1 else 0 end
                where id = :id""")
                .param("auth", againstAuthorization)
                .param("id", coverageId)
                .update();
    }

    private static Coverage coverage(ResultSet rs, int row) throws SQLException {
        Subscriber subscriber = new Subscriber(
                Relationship.valueOf(rs.getString("relationship")),
                rs.getString("subscriber_first_name"),
                rs.getString("subscriber_last_name"),
                rs.getObject("subscriber_birth_date", LocalDate.class),
                rs.getString("subscriber_sex"),
                rs.getString("subscriber_street"),
                rs.getString("subscriber_city"),
                rs.getString("subscriber_state"),
                rs.getString("subscriber_zip"));
        String authNumber = rs.getString("auth_number");
        Authorization authorization = authNumber == null
                ? null
                : new Authorization(
                        authNumber,
                        rs.getObject("auth_visits", Integer.class),
                        rs.getInt("auth_visits_used"),
                        rs.getObject("auth_from", LocalDate.class),
                        rs.getObject("auth_to", LocalDate.class));
        return new Coverage(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getString("payer_name"),
                rs.getString("payer_id"),
                rs.getString("plan_type"),
                rs.getString("member_id"),
                rs.getString("group_number"),
                subscriber,
                Money.of(rs.getBigDecimal("copay")),
                rs.getBigDecimal("coinsurance_percent"),
                Money.of(rs.getBigDecimal("deductible")),
                Money.of(rs.getBigDecimal("deductible_met")),
                rs.getObject("plan_year_start", LocalDate.class),
                VisitLimit.ofNullable(rs.getObject("visits_allowed", Integer.class)),
                rs.getInt("visits_used"),
                authorization,
                rs.getBoolean("credit_on_insured"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class));
    }
}
