package clinic.relief.billing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code billing_membership}; {@link #lock} serialises every change to one membership and its credits. */
@Repository
class MembershipStore {

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Membership m, Instant at) {
        jdbc.sql("""
                insert into billing_membership (id, patient_id, plan_id, status, started_on, created_at)
                values (:id, :patient, :plan, 'ACTIVE', :started, :at)""")
                .param("id", m.id())
                .param("patient", m.patientId())
                .param("plan", m.planId())
                .param("started", m.startedOn())
                .param("at", utc(at))
                .update();
    }

    Optional<Membership> find(UUID id) {
        return jdbc.sql("select * from billing_membership where id = :id")
                .param("id", id)
                .query(MembershipStore::row)
                .optional();
    }

    Membership get(UUID id) {
        return find(id).orElseThrow(() -> BillingFailure.notFound("unknownMembership"));
    }

    Membership lock(UUID id) {
        return jdbc.sql("select * from billing_membership where id = :id for update")
                .param("id", id)
                .query(MembershipStore::row)
                .optional()
                .orElseThrow(() -> BillingFailure.notFound("unknownMembership"));
    }

    /**
     * The membership whose credits and prices a patient may use on {@code today}: their own, or one they share as a
     * household member of a plan that allows sharing; a cancelled one counts until its credits lapse.
     */
    Optional<Membership> usableBy(UUID patientId, Instant now) {
        return jdbc.sql("""
                select m.* from billing_membership m join billing_plan p on p.id = m.plan_id
                where (m.patient_id = :p or (p.household_sharing and exists (select 1
                        from billing_membership_household h where h.membership_id = m.id and h.patient_id = :p)))
                  and (m.status <> 'CANCELLED' or m.credits_end > :now) and m.paused_since is null
                order by (m.patient_id = :p) desc, m.created_at desc limit 1""")
                .param("p", patientId)
                .param("now", utc(now))
                .query(MembershipStore::row)
                .optional();
    }

    List<Membership> ofPatient(UUID patientId) {
        return jdbc.sql("select * from billing_membership where patient_id = :p order by created_at desc")
                .param("p", patientId)
                .query(MembershipStore::row)
                .list();
    }

    /** Memberships that owe a charge for a month starting on {@code first}. */
    List<UUID> billable(LocalDate first) {
        return jdbc.sql("""
                select id from billing_membership
                where started_on < :next and (ends_on is null or ends_on > :first) and paused_since is null
                order by created_at""")
                .param("first", first)
                .param("next", first.plusMonths(1))
                .query(UUID.class)
                .list();
    }

    /** The plan the membership moves to at its next charge; {@code null} keeps the current plan. */
    void setNextPlan(UUID id, String planId) {
        jdbc.sql("update billing_membership set next_plan_id = :plan where id = :id")
                .param("id", id)
                .param("plan", planId)
                .update();
    }

    /** The membership moves to its next plan. */
    void switchToNextPlan(UUID id) {
        jdbc.sql("update billing_membership set plan_id = next_plan_id, next_plan_id = null where id = :id")
                .param("id", id)
                .update();
    }

    void freeze(UUID id, LocalDate until) {
        jdbc.sql("update billing_membership set status = 'FROZEN', frozen_until = :until where id = :id")
                .param("id", id)
                .param("until", until)
                .update();
    }

    void unfreeze(UUID id) {
        jdbc.sql("update billing_membership set status = 'ACTIVE', frozen_until = null where id = :id")
                .param("id", id)
                .update();
    }

    void cancel(UUID id, LocalDate requestedOn, LocalDate endsOn, Instant creditsEnd) {
        jdbc.sql("""
                update billing_membership
                set status = 'CANCELLED', frozen_until = null, next_plan_id = null, cancel_requested_on = :today,
                    ends_on = :ends, credits_end = :creditsEnd
                where id = :id""")
                .param("id", id)
                .param("today", requestedOn)
                .param("ends", endsOn)
                .param("creditsEnd", utc(creditsEnd))
                .update();
    }

    /**
     * Records a membership's charge for the month starting on {@code period}; false when it was charged already (on
     * conflict, after waiting for a concurrent charge to commit).
     */
    boolean insertCharge(UUID id, LocalDate period, String kind, Money amount, UUID invoiceId, Instant at) {
        return jdbc.sql("""
                insert into billing_membership_charge (membership_id, period, kind, amount, invoice_id, charged_at)
                values (:m, :period, :kind, :amount, :invoice, :at) on conflict do nothing""")
                        .param("m", id)
                        .param("period", period)
                        .param("kind", kind)
                        .param("amount", amount.amount())
                        .param("invoice", invoiceId)
                        .param("at", utc(at))
                        .update()
                > 0;
    }

    /** A month charged to the card whose credits wait for its invoice to be paid. */
    record Held(UUID membershipId, LocalDate period) {}

    /** What the month's charge grants: GRANTED (at once), HELD (when paid) or NONE (a frozen month). */
    void setCredits(UUID id, LocalDate period, String credits) {
        jdbc.sql("update billing_membership_charge set credits = :c where membership_id = :m and period = :period")
                .param("m", id)
                .param("period", period)
                .param("c", credits)
                .update();
    }

    Optional<Held> heldFor(UUID invoiceId) {
        return jdbc.sql("""
                select membership_id, period from billing_membership_charge
                where invoice_id = :i and credits = 'HELD'""")
                .param("i", invoiceId)
                .query((rs, n) -> new Held(
                        rs.getObject("membership_id", UUID.class),
                        rs.getDate("period").toLocalDate()))
                .optional();
    }

    /** Marks a held month's credits granted; false when they were granted already. */
    boolean release(UUID invoiceId) {
        return jdbc.sql("""
                        update billing_membership_charge set credits = 'GRANTED'
                        where invoice_id = :i and credits = 'HELD'""").param("i", invoiceId).update() > 0;
    }

    boolean creditsHeld(UUID id, LocalDate period) {
        return jdbc.sql("""
                select exists (select 1 from billing_membership_charge
                               where membership_id = :m and period = :period and credits = 'HELD')""")
                .param("m", id)
                .param("period", period)
                .query(Boolean.class)
                .single();
    }

    Optional<UUID> chargeInvoice(UUID id, LocalDate period) {
        return jdbc.sql(
                        "select invoice_id from billing_membership_charge where membership_id = :m and period = :period")
                .param("m", id)
                .param("period", period)
                .query(UUID.class)
                .optional();
    }

    void pause(UUID id, Instant at) {
        jdbc.sql("update billing_membership set paused_since = :at where id = :id and paused_since is null")
                .param("id", id)
                .param("at", utc(at))
                .update();
    }

    void resume(UUID id) {
        jdbc.sql("update billing_membership set paused_since = null where id = :id")
                .param("id", id)
                .update();
    }

    boolean paused(UUID id) {
        return jdbc.sql("select paused_since is not null from billing_membership where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void addHousehold(UUID id, UUID patientId) {
        jdbc.sql("insert into billing_membership_household values (:id, :p) on conflict do nothing")
                .param("id", id)
                .param("p", patientId)
                .update();
    }

    boolean removeHousehold(UUID id, UUID patientId) {
        return jdbc.sql("delete from billing_membership_household where membership_id = :id and patient_id = :p")
                        .param("id", id)
                        .param("p", patientId)
                        .update()
                > 0;
    }

    List<UUID> household(UUID id) {
        return jdbc.sql("select patient_id from billing_membership_household where membership_id = :id")
                .param("id", id)
                .query(UUID.class)
                .list();
    }

    private static Membership row(ResultSet rs, int n) throws SQLException {
        Timestamp creditsEnd = rs.getTimestamp("credits_end");
        return new Membership(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getString("plan_id"),
                rs.getString("next_plan_id"),
                Membership.Status.valueOf(rs.getString("status")),
                date(rs, "started_on"),
                date(rs, "frozen_until"),
                date(rs, "cancel_requested_on"),
                date(rs, "ends_on"),
                creditsEnd == null ? null : creditsEnd.toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
