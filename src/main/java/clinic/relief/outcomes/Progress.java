package clinic.relief.outcomes;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.clinic.ClinicProfile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's progress: pain before and after each visit and each questionnaire over time, as charts with data
 * tables. For other modules (the patient portal): {@link #progressFor(UUID, Locale)}; the caller checks that the
 * reader may see this client's records, and this class writes the audit row.
 */
@Service
public class Progress {

    static final String RECORD_KIND = "progress";

    private final PainStore pain;
    private final ResponseStore responses;
    private final ClinicalAudit audit;
    private final ZoneId zone;

    Progress(PainStore pain, ResponseStore responses, ClinicalAudit audit, ClinicProfile clinic) {
        this.pain = pain;
        this.responses = responses;
        this.audit = audit;
        this.zone = clinic.zone();
    }

    /** The client's charts, pain first, then each questionnaire answered; audited as a read by whoever is signed in. */
    @Transactional
    public ProgressReport progressFor(UUID patientId, Locale locale) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.isAuthenticated() && !"anonymousUser".equals(who.getName())) {
            audit.record(AuditAction.READ, RECORD_KIND, patientId, patientId);
        } else {
            audit.recordAs("client-link", "PATIENT", AuditAction.READ, RECORD_KIND, patientId, patientId);
        }
        return report(patientId, locale);
    }

    ProgressReport report(UUID patientId, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone);
        List<Chart> charts = new ArrayList<>();
        painChart(patientId, dates).ifPresent(charts::add);
        Map<Instrument, List<ResponseStore.Response>> byInstrument = new EnumMap<>(Instrument.class);
        responses
                .ofPatient(patientId)
                .forEach(r -> byInstrument
                        .computeIfAbsent(r.instrument(), i -> new ArrayList<>())
                        .add(r));
        byInstrument.forEach((instrument, answers) -> charts.add(questionnaireChart(instrument, answers, dates)));
        return new ProgressReport(charts);
    }

    private Optional<Chart> painChart(UUID patientId, DateTimeFormatter dates) {
        List<PainStore.Visit> visits = pain.history(patientId);
        if (visits.stream().allMatch(v -> v.before() == null && v.after() == null)) {
            return Optional.empty();
        }
        List<BigDecimal> before = visits.stream().map(v -> decimal(v.before())).toList();
        List<BigDecimal> after = visits.stream().map(v -> decimal(v.after())).toList();
        List<Chart.Row> rows = visits.stream()
                .map(v -> new Chart.Row(
                        dates.format(v.start()),
                        decimal(v.before()),
                        decimal(v.after()),
                        v.before() == null || v.after() == null ? null : BigDecimal.valueOf(v.after() - v.before())))
                .toList();
        return Optional.of(Chart.of(Instrument.NPRS, List.of("before", "after"), List.of(before, after), rows));
    }

    private static Chart questionnaireChart(
            Instrument instrument, List<ResponseStore.Response> answers, DateTimeFormatter dates) {
        List<BigDecimal> scores =
                answers.stream().map(ResponseStore.Response::score).toList();
        BigDecimal first = scores.get(0);
        List<Chart.Row> rows = answers.stream()
                .map(r -> new Chart.Row(
                        dates.format(r.takenAt()), r.score(), null, r.score().subtract(first)))
                .toList();
        return Chart.of(instrument, List.of("before"), List.of(scores), rows);
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
