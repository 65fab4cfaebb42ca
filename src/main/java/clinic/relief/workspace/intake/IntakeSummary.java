package clinic.relief.workspace.intake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.SignedIntake;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the chart header and the appointment panel show of a patient's intake form (their fragment
 * {@code workspace/intake-panel} calls it as {@code @intakeSummary}): when it was signed and last sent, whether the
 * signed-in user may send it, and the contraindication alerts for those who may read health data (each such read is
 * audited by the patients module).
 */
@Component("intakeSummary")
public class IntakeSummary {

    private final IntakeForms forms;
    private final ClinicProfile clinic;

    IntakeSummary(IntakeForms forms, ClinicProfile clinic) {
        this.forms = forms;
        this.clinic = clinic;
    }

    /** The summary for one patient; {@code signedAt} and {@code lastSent} are formatted, empty when never. */
    public record View(String signedAt, String lastSent, boolean maySend, List<SignedIntake.Answer> alerts) {

        public boolean signed() {
            return !signedAt.isEmpty();
        }

        public boolean sent() {
            return !lastSent.isEmpty();
        }
    }

    public View of(UUID patientId) {
        IntakeForms.Status status = forms.status(patientId);
        return new View(format(status.signedAt()), format(status.lastSent()), maySend(), forms.alerts(patientId));
    }

    private String format(Optional<Instant> at) {
        return at.map(instant -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(LocaleContextHolder.getLocale())
                        .withZone(clinic.zone())
                        .format(instant))
                .orElse("");
    }

    private static boolean maySend() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            return false;
        }
        Set<String> roles = AuthorityUtils.authorityListToSet(who.getAuthorities());
        return roles.contains("ROLE_OWNER") || roles.contains("ROLE_FRONT_DESK");
    }
}
