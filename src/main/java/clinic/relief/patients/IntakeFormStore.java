package clinic.relief.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of the intake forms: questions, documents, links (by the SHA-256 of their secret) and signed forms with
 * their answers as shown. Labels and texts are read in English or Spanish ({@code es} picks Spanish).
 */
@Repository
class IntakeFormStore {

    private final JdbcClient jdbc;

    IntakeFormStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link as stored. */
    record LinkRow(
            UUID id, UUID patientId, @Nullable OffsetDateTime usedAt, OffsetDateTime expiresAt, Instant createdAt) {}

    List<IntakeQuestion> questions(String language) {
        return jdbc.sql("""
                select id, position, section, kind, required, alert,
                       case when :language = 'es' then label_es else label_en end as label
                from intake_question where active order by position, id""")
                .param("language", language)
                .query((rs, row) -> new IntakeQuestion(
                        rs.getString("id"),
                        rs.getInt("position"),
                        rs.getString("section"),
                        rs.getString("kind"),
                        rs.getBoolean("required"),
                        rs.getBoolean("alert"),
                        rs.getString("label")))
                .list();
    }

    /** The newest version of each document in effect on {@code day}. */
    List<IntakeDocument> documentsInEffect(LocalDate day, String language) {
        return jdbc.sql("""
                select distinct on (kind) kind, version, effective_on,
                       case when :language = 'es' then title_es else title_en end as title,
                       case when :language = 'es' then body_es else body_en end as body
                from intake_document where effective_on <= :day
                order by kind, effective_on desc, version desc""")
                .param("language", language)
                .param("day", day)
                .query(IntakeFormStore::document)
                .list();
    }

    Optional<IntakeDocument> document(String kind, String version, String language) {
        return jdbc.sql("""
                select kind, version, effective_on,
                       case when :language = 'es' then title_es else title_en end as title,
                       case when :language = 'es' then body_es else body_en end as body
                from intake_document where kind = :kind and version = :version""")
                .param("language", language)
                .param("kind", kind)
                .param("version", version)
                .query(IntakeFormStore::document)
                .optional();
    }

    void insertLink(
            UUID id,
            UUID patientId,
            String tokenHash,
            @Nullable UUID appointmentId,
            String sentBy,
            Instant now,
            Instant expires) {
        jdbc.sql("""
                insert into intake_link (id, patient_id, token_hash, appointment_id, sent_by, created_at, expires_at)
                values (:id, :patient, :hash, :appointment, :by, :now, :expires)""")
                .param("id", id)
                .param("patient", patientId)
                .param("hash", tokenHash)
                .param("appointment", appointmentId)
                .param("by", sentBy)
                .param("now", utc(now))
                .param("expires", utc(expires))
                .update();
    }

    /** Ends every link of the patient that is still open (a new one was sent). */
    void expireOpenLinks(UUID patientId, Instant now) {
        jdbc.sql("""
                update intake_link set expires_at = :now
                where patient_id = :patient and used_at is null and expires_at > :now""").param("patient", patientId).param("now", utc(now)).update();
    }

    /** The link with this secret's hash, its row locked until the transaction ends when {@code lock}. */
    Optional<LinkRow> link(String tokenHash, boolean lock) {
        String sql = lock ? """
                select id, patient_id, used_at, expires_at, created_at from intake_link where token_hash = :hash
                for update""" : """
                select id, patient_id, used_at, expires_at, created_at from intake_link where token_hash = :hash""";
        return jdbc.sql(sql)
                .param("hash", tokenHash)
                .query((rs, row) -> new LinkRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("used_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void markUsed(UUID linkId, Instant now) {
        jdbc.sql("update intake_link set used_at = :now where id = :id")
                .param("id", linkId)
                .param("now", utc(now))
                .update();
    }

    /** When the newest link was sent, if any, and whether it is still open at {@code now}. */
    Optional<Instant> lastSent(UUID patientId) {
        return jdbc.sql("select max(created_at) from intake_link where patient_id = :patient")
                .param("patient", patientId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    boolean hasOpenLink(UUID patientId, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from intake_link
                               where patient_id = :patient and used_at is null and expires_at > :now)""")
                .param("patient", patientId)
                .param("now", utc(now))
                .query(Boolean.class)
                .single();
    }

    void insertSignature(SignedIntake signed, UUID linkId, byte[] pdf) {
        jdbc.sql("""
                insert into intake_signature (id, patient_id, link_id, language, signed_name, signed_at, ip, sha256, pdf)
                values (:id, :patient, :link, :language, :name, :at, :ip, :sha, :pdf)""")
                .param("id", signed.id())
                .param("patient", signed.patientId())
                .param("link", linkId)
                .param("language", signed.language())
                .param("name", signed.signedName())
                .param("at", utc(signed.signedAt()))
                .param("ip", signed.ip())
                .param("sha", signed.sha256())
                .param("pdf", pdf)
                .update();
        List<SignedIntake.Answer> answers = signed.answers();
        jdbc.sql("""
                insert into intake_signed_answer (signature_id, position, question_id, section, kind, required, alert,
                                                  label, answer)
                select :id, * from unnest(:positions::integer[], :ids::text[], :sections::text[], :kinds::text[],
                                          :required::boolean[], :alerts::boolean[], :labels::text[], :answers::text[])""")
                .param("id", signed.id())
                .param(
                        "positions",
                        answers.stream().map(a -> a.question().position()).toArray(Integer[]::new))
                .param("ids", answers.stream().map(a -> a.question().id()).toArray(String[]::new))
                .param(
                        "sections",
                        answers.stream().map(a -> a.question().section()).toArray(String[]::new))
                .param("kinds", answers.stream().map(a -> a.question().kind()).toArray(String[]::new))
                .param(
                        "required",
                        answers.stream().map(a -> a.question().required()).toArray(Boolean[]::new))
                .param("alerts", answers.stream().map(a -> a.question().alert()).toArray(Boolean[]::new))
                .param("labels", answers.stream().map(a -> a.question().label()).toArray(String[]::new))
                .param(
                        "answers",
                        answers.stream().map(SignedIntake.Answer::answer).toArray(String[]::new))
                .update();
        jdbc.sql("""
                insert into intake_signed_document (signature_id, kind, version)
                select :id, * from unnest(:kinds::text[], :versions::text[])""")
                .param("id", signed.id())
                .param(
                        "kinds",
                        signed.documents().stream()
                                .map(SignedIntake.SignedDocument::kind)
                                .toArray(String[]::new))
                .param(
                        "versions",
                        signed.documents().stream()
                                .map(SignedIntake.SignedDocument::version)
                                .toArray(String[]::new))
                .update();
    }

    /** When the patient last signed a form, if ever: no answers read. */
    Optional<Instant> latestSignedAt(UUID patientId) {
        return jdbc.sql("select max(signed_at) from intake_signature where patient_id = :patient")
                .param("patient", patientId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    /** The patient's newest signed form. */
    Optional<SignedIntake> latestSignature(UUID patientId) {
        return jdbc.sql("""
                select id from intake_signature where patient_id = :patient order by signed_at desc, id limit 1""")
                .param("patient", patientId)
                .query(UUID.class)
                .optional()
                .flatMap(this::signature);
    }

    Optional<SignedIntake> signature(UUID id) {
        List<SignedIntake.Answer> answers = jdbc.sql("""
                select position, question_id, section, kind, required, alert, label, answer
                from intake_signed_answer where signature_id = :id order by position, question_id""")
                .param("id", id)
                .query((rs, row) -> new SignedIntake.Answer(
                        new IntakeQuestion(
                                rs.getString("question_id"),
                                rs.getInt("position"),
                                rs.getString("section"),
                                rs.getString("kind"),
                                rs.getBoolean("required"),
                                rs.getBoolean("alert"),
                                rs.getString("label")),
                        rs.getString("answer")))
                .list();
        List<SignedIntake.SignedDocument> documents = jdbc.sql("""
                select kind, version from intake_signed_document where signature_id = :id order by kind""")
                .param("id", id)
                .query((rs, row) -> new SignedIntake.SignedDocument(rs.getString("kind"), rs.getString("version")))
                .list();
        return jdbc.sql("""
                select id, patient_id, signed_at, signed_name, ip, language, sha256 from intake_signature where id = :id""")
                .param("id", id)
                .query((rs, row) -> new SignedIntake(
                        rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("signed_name"),
                        rs.getString("ip"),
                        rs.getString("language"),
                        rs.getString("sha256"),
                        answers,
                        documents))
                .optional();
    }

    Optional<byte[]> pdf(UUID signatureId) {
        return jdbc.sql("select pdf from intake_signature where id = :id")
                .param("id", signatureId)
                .query(byte[].class)
                .optional();
    }

    /** A merge keeps one patient record: the duplicate's links and signed forms go to it. */
    int moveToPatient(UUID from, UUID to) {
        return jdbc.sql("update intake_link set patient_id = :to where patient_id = :from")
                        .param("from", from)
                        .param("to", to)
                        .update()
                + jdbc.sql("update intake_signature set patient_id = :to where patient_id = :from")
                        .param("from", from)
                        .param("to", to)
                        .update();
    }

    private static IntakeDocument document(ResultSet rs, int row) throws SQLException {
        return new IntakeDocument(
                rs.getString("kind"),
                rs.getString("version"),
                rs.getObject("effective_on", LocalDate.class),
                rs.getString("title"),
                rs.getString("body"));
    }

    static Map<String, String> answersById(SignedIntake signed) {
        return signed.answers().stream()
                .collect(Collectors.toMap(a -> a.question().id(), SignedIntake.Answer::answer));
    }
}
