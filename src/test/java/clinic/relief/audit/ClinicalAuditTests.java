package clinic.relief.audit;

import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ReliefTest
class ClinicalAuditTests {

    @Autowired
    ClinicalAudit audit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordsWhoReadWhichRecordOfWhichPatient() {
        UUID patient = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "maria@clinic.test", null, AuthorityUtils.createAuthorityList("ROLE_THERAPIST")));

        audit.record(AuditAction.READ, "treatment-note", note, patient);

        assertThat(audit.trailOfPatient(patient, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("maria@clinic.test");
            assertThat(entry.actorRole()).isEqualTo("THERAPIST");
            assertThat(entry.action()).isEqualTo(AuditAction.READ);
            assertThat(entry.recordId()).isEqualTo(note.toString());
        });
        assertThat(audit.trailOfRecord("treatment-note", note)).hasSize(1);
    }

    @Test
    void refusesAnUnattributedAccess() {
        assertThatIllegalStateException()
                .isThrownBy(() -> audit.record(AuditAction.READ, "intake", 1, UUID.randomUUID()));
    }

    @Test
    void neverLetsARowBeChangedOrDeleted() {
        UUID patient = UUID.randomUUID();
        audit.recordAs("patient-link", "PATIENT", AuditAction.READ, "progress", patient, patient);

        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.sql("update clinical_audit set actor = 'someone else' where patient_id = :p")
                        .param("p", patient)
                        .update());
        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.sql("delete from clinical_audit where patient_id = :p")
                        .param("p", patient)
                        .update());
        assertThat(audit.trailOfPatient(patient, 10))
                .extracting(AuditEntry::actor)
                .containsExactly("patient-link");
    }
}
