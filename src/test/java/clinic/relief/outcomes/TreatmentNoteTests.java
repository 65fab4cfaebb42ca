package clinic.relief.outcomes;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.painmap.Side;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed notes never change, amendments are versions that show what changed, voids keep everything. */
@ReliefTest
class TreatmentNoteTests {

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    TreatmentNotes notes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicalAudit audit;

    @Autowired
    Clock clock;

    String therapist;
    Reader reader;
    UUID appointment;

    @BeforeEach
    void visit() {
        therapist = fixture.staffMember(StaffRole.THERAPIST);
        reader = fixture.reader(therapist, StaffRole.THERAPIST);
        appointment = fixture.visit(fixture.client(), therapist, clock.instant());
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        therapist, "x", AuthorityUtils.createAuthorityList("ROLE_THERAPIST")));
    }

    static NoteContent content(String assessment, Finding... findings) {
        return new NoteContent(
                "Low back ache for 3 years",
                Set.of("low_back_lateral_R"),
                List.of(findings),
                Set.of("low_back_lateral_R", "buttock_mid_R"),
                assessment,
                "Weekly for 4 weeks",
                "Stretch daily",
                false);
    }

    @Test
    void draftsANoteWhenAVisitCompletes() {
        NoteHistory history = notes.read(reader, appointment);
        assertThat(history.versions()).hasSize(1);
        assertThat(history.latest().isSigned()).isFalse();
        assertThat(history.latest().version()).isEqualTo(1);
    }

    @Test
    void aSignedNoteNeverChangesEvenInTheDatabase() {
        notes.save(reader, appointment, content("QL active", new Finding("quadratus_lumborum", Side.R, true, 3, true)));
        TreatmentNote signed = notes.sign(reader, appointment);

        assertThatThrownBy(() -> notes.save(reader, appointment, content("changed")))
                .isInstanceOf(NoteStateConflict.class);
        assertThatThrownBy(() -> jdbc.sql("update outcomes_note set assessment = 'x' where id = :id")
                        .param("id", signed.id())
                        .update())
                .hasMessageContaining("signed");
        assertThatThrownBy(() -> jdbc.sql("delete from outcomes_trigger_point where note_id = :id")
                        .param("id", signed.id())
                        .update())
                .hasMessageContaining("signed");
        assertThatThrownBy(() -> jdbc.sql("delete from outcomes_note where id = :id")
                        .param("id", signed.id())
                        .update())
                .hasMessageContaining("never deleted");
        assertThat(notes.read(reader, appointment).latest().content().assessment())
                .isEqualTo("QL active");
    }

    @Test
    void anAmendmentIsANewVersionThatShowsWhatChanged() {
        Finding ql = new Finding("quadratus_lumborum", Side.R, true, 3, true);
        Finding glute = new Finding("gluteus_medius", Side.R, false, 1, false);
        notes.save(reader, appointment, content("QL active", ql));
        TreatmentNote first = notes.sign(reader, appointment);

        notes.amend(reader, appointment);
        notes.save(reader, appointment, content("QL and gluteus medius", ql, glute));
        notes.sign(reader, appointment);

        NoteHistory history = notes.read(reader, appointment);
        assertThat(history.versions()).extracting(TreatmentNote::version).containsExactly(1, 2);
        assertThat(history.latest().amends()).isEqualTo(first.id());
        assertThat(history.versions().get(0).content().assessment()).isEqualTo("QL active");
        NoteChanges changes = history.changes().get(0);
        assertThat(changes.fields()).containsExactly("assessment");
        assertThat(changes.added()).containsExactly(glute);
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void amendingADraftOrEditingAVoidedNoteIsRefused() {
        assertThatThrownBy(() -> notes.amend(reader, appointment)).isInstanceOf(NoteStateConflict.class);
        assertThatThrownBy(() -> notes.voidNote(reader, appointment, " ")).isInstanceOf(InvalidNote.class);
        notes.voidNote(reader, appointment, "Wrong client");
        assertThatThrownBy(() -> notes.save(reader, appointment, content("x"))).isInstanceOf(NoteStateConflict.class);
        assertThatThrownBy(() -> notes.voidNote(reader, appointment, "again")).isInstanceOf(NoteStateConflict.class);
        NoteHistory history = notes.read(reader, appointment);
        assertThat(history.latest().voidReason()).isEqualTo("Wrong client");
        assertThat(history.versions()).hasSize(1);
    }

    @Test
    void unknownMusclesAndRegionsAreRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> notes.save(
                        reader, appointment, content("x", new Finding("no_such_muscle", Side.L, true, 1, false))))
                .isInstanceOf(InvalidNote.class);
        assertThatThrownBy(() -> notes.save(
                        reader,
                        appointment,
                        new NoteContent("", Set.of("elbow_of_nowhere"), List.of(), Set.of(), "", "", "", false)))
                .isInstanceOf(InvalidNote.class);
        assertThatThrownBy(() -> new Finding("piriformis", Side.L, true, 4, false))
                .isInstanceOf(InvalidNote.class);
        assertThat(notes.read(reader, appointment).latest().content().assessment())
                .isEmpty();
    }

    @Test
    void signingAndAmendingAreAudited() {
        notes.save(reader, appointment, content("ok"));
        TreatmentNote signed = notes.sign(reader, appointment);
        assertThat(audit.trailOfRecord(TreatmentNotes.RECORD_KIND, signed.id()))
                .extracting(e -> e.action())
                .contains(AuditAction.SIGN, AuditAction.CREATE);
    }
}
