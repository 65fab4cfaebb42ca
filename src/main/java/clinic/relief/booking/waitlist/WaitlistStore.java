package clinic.relief.booking.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** Waitlist entries as the waitlist's API ({@code booking.Waitlist}) reads and writes them. */
@Component
public class WaitlistStore {

    private final JdbcClient jdbc;

    WaitlistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a waiting request for the service {@code serviceId} (as the catalogue spells it), queued by {@code now}. */
    public void insert(UUID id, UUID patientId, String serviceId, WaitlistRequest request, Instant now) {
        jdbc.sql("""
                insert into booking_waitlist (id, patient_id, service_id, minutes, first_day, last_day, part_of_day,
                                              therapist_id, status, created_at)
                values (:id, :patient, :service, :minutes, :first, :last, :part, :therapist, 'WAITING', :now)""")
                .param("id", id)
                .param("patient", patientId)
                .param("service", serviceId)
                .param("minutes", request.minutes())
                .param("first", request.firstDay())
                .param("last", request.lastDay())
                .param("part", request.partOfDay().name())
                .param("therapist", request.therapistId().orElse(null))
                .param("now", utc(now))
                .update();
    }

    /** A patient's requests, newest first. */
    public List<WaitlistEntry> ofPatient(UUID patientId) {
        return jdbc.sql("""
                        select id, patient_id, service_id, minutes, first_day, last_day, part_of_day, therapist_id,
                               status, created_at
                        from booking_waitlist where patient_id = :p order by created_at desc
                        """).param("p", patientId).query(WaitlistStore::entry).list();
    }

    public Optional<WaitlistEntry> find(UUID id) {
        return jdbc.sql("""
                        select id, patient_id, service_id, minutes, first_day, last_day, part_of_day, therapist_id,
                               status, created_at
                        from booking_waitlist where id = :id
                        """).param("id", id).query(WaitlistStore::entry).optional();
    }

    /** Takes the entry off the list if it is waiting. */
    public void withdraw(UUID id) {
        jdbc.sql("update booking_waitlist set status = 'WITHDRAWN' where id = :id and status = 'WAITING'")
                .param("id", id)
                .update();
    }

    /** Expires the entry's open offer, if any: its link stops working. */
    public void expireOpenOffer(UUID entryId) {
        jdbc.sql("update booking_waitlist_offer set status = 'EXPIRED' where entry_id = :id and status = 'OPEN'")
                .param("id", entryId)
                .update();
    }

    /** Every waiting request, oldest first, at most {@code limit}. */
    public List<WaitlistEntry> waiting(int limit) {
        return jdbc.sql("""
                        select id, patient_id, service_id, minutes, first_day, last_day, part_of_day, therapist_id,
                               status, created_at
                        from booking_waitlist where status = 'WAITING' order by created_at limit :n
                        """).param("n", limit).query(WaitlistStore::entry).list();
    }

    /** Maps a row of {@code booking_waitlist} (all its columns). */
    static WaitlistEntry entry(ResultSet rs, int row) throws SQLException {
        return new WaitlistEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getString("service_id"),
                rs.getInt("minutes"),
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                PartOfDay.valueOf(rs.getString("part_of_day")),
                Optional.ofNullable(rs.getObject("therapist_id", UUID.class)),
                rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
