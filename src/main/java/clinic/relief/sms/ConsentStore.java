package clinic.relief.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Consent rows and blocked numbers. */
@Repository
class ConsentStore {

    private final JdbcClient jdbc;

    ConsentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID patient, Channel channel, boolean granted, @Nullable String phone, Instant at, String source) {
        insert(patient, channel, granted, phone, at, source, Optional.empty());
    }

    void insert(
            UUID patient,
            Channel channel,
            boolean granted,
            @Nullable String phone,
            Instant at,
            String source,
            Optional<ZoneId> zone) {
        jdbc.sql("""
                insert into sms_consent (patient_id, channel, granted, phone, recorded_at, source, time_zone)
                values (:patient, :channel, :granted, :phone, :at, :source, :zone)""")
                .param("zone", zone.map(ZoneId::getId).orElse(null))
                .param("patient", patient)
                .param("channel", channel.name())
                .param("granted", granted)
                .param("phone", phone)
                .param("at", utc(at))
                .param("source", source)
                .update();
    }

    Optional<Consents.Consent> latest(UUID patient, Channel channel) {
        return jdbc.sql("""
                        select granted, phone, recorded_at, source from sms_consent
                        where patient_id = :patient and channel = :channel
                        order by recorded_at desc, id desc limit 1""")
                .param("patient", patient)
                .param("channel", channel.name())
                .query((rs, i) -> new Consents.Consent(
                        channel,
                        rs.getBoolean("granted"),
                        Optional.ofNullable(rs.getString("phone")),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("source")))
                .optional();
    }

    /** The patients whose newest text consent names this number, newest first. */
    List<UUID> patientsAt(String phone) {
        return jdbc.sql("""
                        select patient_id from (
                            select distinct on (patient_id) patient_id, phone, recorded_at from sms_consent
                            where channel = 'TEXT' and patient_id in (select patient_id from sms_consent where phone = :phone)
                            order by patient_id, recorded_at desc, id desc) newest
                        where phone = :phone order by recorded_at desc""").param("phone", phone).query(UUID.class).list();
    }

    void block(String phone, String reason, @Nullable Integer errorCode, Instant at) {
        jdbc.sql("""
                insert into sms_blocked_number (phone, reason, error_code, blocked_at) values (:phone, :reason, :code, :at)
                on conflict (phone) do update set reason = excluded.reason, error_code = excluded.error_code,
                    blocked_at = excluded.blocked_at""")
                .param("phone", phone)
                .param("reason", reason)
                .param("code", errorCode)
                .param("at", utc(at))
                .update();
    }

    void unblock(String phone) {
        jdbc.sql("delete from sms_blocked_number where phone = :phone")
                .param("phone", phone)
                .update();
    }

    /** Why the number is not texted (OPTED_OUT or FAILED), if it is not. */
    Optional<String> blocked(String phone) {
        return jdbc.sql("select reason from sms_blocked_number where phone = :phone")
                .param("phone", phone)
                .query(String.class)
                .optional();
    }

    /** For each of these patients whose newest text consent carries their own time zone, that zone. */
    Map<UUID, ZoneId> zones(Collection<UUID> patients) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        jdbc.sql("""
                        select newest.patient_id, newest.time_zone from (
                            select distinct on (patient_id) patient_id, time_zone from sms_consent
                            where channel = 'TEXT' and patient_id = any(:patients::uuid[])
                            order by patient_id, recorded_at desc, id desc) newest
                        where newest.time_zone is not null""").param("patients", patients.toArray(UUID[]::new)).query(rs -> {
            UUID patient = rs.getObject("patient_id", UUID.class);
            Consents.reportedZone(rs.getString("time_zone")).ifPresent(zone -> zones.put(patient, zone));
        });
        return zones;
    }

    /** For each of these patients who may be texted now, the number: consent granted, number not blocked. */
    Map<UUID, String> textable(Collection<UUID> patients) {
        Map<UUID, String> numbers = new HashMap<>();
        jdbc.sql("""
                        select newest.patient_id, newest.phone from (
                            select distinct on (patient_id) patient_id, granted, phone from sms_consent
                            where channel = 'TEXT' and patient_id = any(:patients::uuid[])
                            order by patient_id, recorded_at desc, id desc) newest
                        where newest.granted
                            and not exists (select 1 from sms_blocked_number b where b.phone = newest.phone)""").param("patients", patients.toArray(UUID[]::new)).query(rs -> {
            numbers.put(rs.getObject("patient_id", UUID.class), rs.getString("phone"));
        });
        return numbers;
    }
}
