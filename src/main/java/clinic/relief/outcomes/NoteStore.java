package clinic.relief.outcomes;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.relief.painmap.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The stored note versions and their findings. PostgreSQL refuses any change to a signed version. */
@Repository
class NoteStore {

    private final JdbcClient jdbc;

    NoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID appointmentId, int version, UUID amends, NoteContent content, Instant now) {
        jdbc.sql("""
                insert into outcomes_note (id, appointment_id, version, amends, created_at, updated_at)
                values (:id, :appointment, :version, :amends, :now, :now)""")
                .param("id", id)
                .param("appointment", appointmentId)
                .param("version", version)
                .param("amends", amends)
                .param("now", utc(now))
                .update();
        update(id, content, now);
    }

    /** Rewrites a draft's content and findings (the database refuses this for a signed version). */
    void update(UUID id, NoteContent c, Instant now) {
        jdbc.sql("""
                update outcomes_note set subjective = :s, pain_regions = :pain::text[],
                    treated_regions = :treated::text[], assessment = :a, plan_frequency = :freq,
                    plan_home_care = :home, discharge = :discharge, updated_at = :now
                where id = :id""")
                .param("s", c.subjective())
                .param("pain", c.painRegions().toArray(String[]::new))
                .param("treated", c.treatedRegions().toArray(String[]::new))
                .param("a", c.assessment())
                .param("freq", c.planFrequency())
                .param("home", c.homeCare())
                .param("discharge", c.discharge())
                .param("now", utc(now))
                .param("id", id)
                .update();
        jdbc.sql("delete from outcomes_trigger_point where note_id = :id")
                .param("id", id)
                .update();
        List<Finding> findings = c.findings();
        if (findings.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into outcomes_trigger_point (note_id, position, muscle_id, side, active, tenderness,
                    referral_reproduced)
                select :id, position - 1, muscle_id, side, active, tenderness, referral_reproduced
                from unnest(:muscles::text[], :sides::text[], :active::boolean[], :tenderness::int[],
                            :referral::boolean[])
                    with ordinality as finding (muscle_id, side, active, tenderness, referral_reproduced, position)""")
                .param("id", id)
                .param("muscles", findings.stream().map(Finding::muscle).toArray(String[]::new))
                .param("sides", findings.stream().map(f -> f.side().name()).toArray(String[]::new))
                .param("active", findings.stream().map(Finding::active).toArray(Boolean[]::new))
                .param("tenderness", findings.stream().map(Finding::tenderness).toArray(Integer[]::new))
                .param(
                        "referral",
                        findings.stream().map(Finding::referralReproduced).toArray(Boolean[]::new))
                .update();
    }

    void sign(UUID id, String by, Instant now) {
        jdbc.sql("update outcomes_note set signed_at = :now, signed_by = :by where id = :id")
                .param("now", utc(now))
                .param("by", by)
                .param("id", id)
                .update();
    }

    /**
     * Whether the visit's pain scores are final: the latest version of its note is signed. With {@code lock}, takes a
     * share lock on that version (in a read-write transaction), so a signature being written meanwhile is waited for
     * rather than missed.
     */
    boolean painFinal(UUID appointmentId, boolean lock) {
        return lock
                ? painFinalLocked(appointmentId)
                : jdbc.sql("""
                select signed_at is not null from outcomes_note where appointment_id = :a
                order by version desc limit 1""")
                        .param("a", appointmentId)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false);
    }

    private boolean painFinalLocked(UUID appointmentId) {
        return jdbc.sql("""
                select signed_at is not null from outcomes_note where appointment_id = :a
                order by version desc limit 1 for share""")
                .param("a", appointmentId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Whether the latest version of the visit's note is signed and the note is not voided. */
    boolean signedAndValid(UUID appointmentId) {
        return jdbc.sql("""
                select n.signed_at is not null
                       and not exists (select 1 from outcomes_note_void v where v.appointment_id = n.appointment_id)
                from outcomes_note n where n.appointment_id = :a
                order by n.version desc limit 1""")
                .param("a", appointmentId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void voidNote(UUID appointmentId, String reason, String by, Instant now) {
        jdbc.sql("""
                insert into outcomes_note_void (appointment_id, reason, voided_by, voided_at)
                values (:a, :reason, :by, :now)""")
                .param("a", appointmentId)
                .param("reason", reason)
                .param("by", by)
                .param("now", utc(now))
                .update();
    }

    /** Every version of the visit's note, oldest first. */
    List<TreatmentNote> versions(UUID appointmentId) {
        List<TreatmentNote> bare =
                jdbc.sql("""
                select n.id, n.appointment_id, v.patient_id, v.therapist_id, n.version, n.amends, n.subjective,
                    n.pain_regions, n.treated_regions, n.assessment, n.plan_frequency, n.plan_home_care, n.discharge,
                    n.created_at, n.signed_at, n.signed_by, x.reason as void_reason
                from outcomes_note n join outcomes_visit v on v.appointment_id = n.appointment_id
                left join outcomes_note_void x on x.appointment_id = n.appointment_id
                where n.appointment_id = :a order by n.version""").param("a", appointmentId).query(NoteStore::note).list();
        return withFindings(bare);
    }

    /** The latest version of each visit's note, for these visits. */
    List<TreatmentNote> latest(List<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        List<TreatmentNote> bare = jdbc.sql("""
                select n.id, n.appointment_id, v.patient_id, v.therapist_id, n.version, n.amends, n.subjective,
                    n.pain_regions, n.treated_regions, n.assessment, n.plan_frequency, n.plan_home_care, n.discharge,
                    n.created_at, n.signed_at, n.signed_by, x.reason as void_reason
                from outcomes_note n join outcomes_visit v on v.appointment_id = n.appointment_id
                left join outcomes_note_void x on x.appointment_id = n.appointment_id
                where n.appointment_id in (:ids) and n.version =
                    (select max(version) from outcomes_note m where m.appointment_id = n.appointment_id)""")
                .param("ids", appointmentIds)
                .query(NoteStore::note)
                .list();
        return withFindings(bare);
    }

    private List<TreatmentNote> withFindings(List<TreatmentNote> notes) {
        if (notes.isEmpty()) {
            return notes;
        }
        Map<UUID, List<Finding>> findings = jdbc
                .sql("""
                select note_id, muscle_id, side, active, tenderness, referral_reproduced from outcomes_trigger_point
                where note_id in (:ids) order by note_id, position""")
                .param("ids", notes.stream().map(TreatmentNote::id).toList())
                .query((rs, row) -> Map.entry(
                        rs.getObject("note_id", UUID.class),
                        new Finding(
                                rs.getString("muscle_id"),
                                Side.valueOf(rs.getString("side")),
                                rs.getBoolean("active"),
                                rs.getInt("tenderness"),
                                rs.getBoolean("referral_reproduced"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return notes.stream()
                .map(n -> withFindings(n, findings.getOrDefault(n.id(), List.of())))
                .toList();
    }

    private static TreatmentNote withFindings(TreatmentNote n, List<Finding> findings) {
        NoteContent c = n.content();
        NoteContent full = new NoteContent(
                c.subjective(),
                c.painRegions(),
                findings,
                c.treatedRegions(),
                c.assessment(),
                c.planFrequency(),
                c.homeCare(),
                c.discharge());
        return new TreatmentNote(
                n.id(),
                n.appointmentId(),
                n.patientId(),
                n.therapistId(),
                n.version(),
                n.amends(),
                full,
                n.createdAt(),
                n.signedAt(),
                n.signedBy(),
                n.voidReason());
    }

    private static TreatmentNote note(ResultSet rs, int row) throws SQLException {
        NoteContent content = new NoteContent(
                rs.getString("subjective"),
                strings(rs.getArray("pain_regions")),
                List.of(),
                strings(rs.getArray("treated_regions")),
                rs.getString("assessment"),
                rs.getString("plan_frequency"),
                rs.getString("plan_home_care"),
                rs.getBoolean("discharge"));
        OffsetDateTime signed = rs.getObject("signed_at", OffsetDateTime.class);
        return new TreatmentNote(
                rs.getObject("id", UUID.class),
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("therapist_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("amends", UUID.class),
                content,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                signed == null ? null : signed.toInstant(),
                rs.getString("signed_by"),
                rs.getString("void_reason"));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
