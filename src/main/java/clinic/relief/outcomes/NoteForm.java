package clinic.relief.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import clinic.relief.painmap.Side;

/**
 * The note editor's fields. Findings are rows; a row without a muscle is an unused row. Tenderness and side arrive
 * as text so that a tampered value becomes a field message, never a binding error page.
 */
public record NoteForm(
        String subjective,
        List<String> painRegions,
        List<FindingRow> findings,
        List<String> treatedRegions,
        String assessment,
        String planFrequency,
        String homeCare,
        Boolean discharge) {

    /** Empty rows offered below the findings already recorded. */
    static final int SPARE_ROWS = 3;

    public NoteForm {
        painRegions = painRegions == null ? List.of() : painRegions;
        treatedRegions = treatedRegions == null ? List.of() : treatedRegions;
        findings = findings == null ? List.of() : findings;
        discharge = Boolean.TRUE.equals(discharge);
    }

    /** One trigger point row of the editor. */
    public record FindingRow(String muscle, String side, String state, String tenderness, Boolean referral) {

        public FindingRow {
            referral = Boolean.TRUE.equals(referral);
        }

        boolean used() {
            return muscle != null && !muscle.isBlank();
        }

        Finding finding() {
            try {
                return new Finding(
                        muscle.strip(),
                        Side.valueOf(side),
                        "active".equals(state),
                        Integer.parseInt(tenderness),
                        referral);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidNote("findings", "outcomes.error.finding");
            }
        }
    }

    static NoteForm of(NoteContent c) {
        List<FindingRow> rows = new ArrayList<>(c.findings().stream()
                .map(f -> new FindingRow(
                        f.muscle(),
                        f.side().name(),
                        f.active() ? "active" : "latent",
                        String.valueOf(f.tenderness()),
                        f.referralReproduced()))
                .toList());
        return new NoteForm(
                c.subjective(),
                List.copyOf(c.painRegions()),
                rows,
                List.copyOf(c.treatedRegions()),
                c.assessment(),
                c.planFrequency(),
                c.homeCare(),
                c.discharge());
    }

    /** This form with spare empty rows for new findings. */
    NoteForm withSpareRows() {
        List<FindingRow> rows = new ArrayList<>(findings);
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new FindingRow("", "R", "active", "1", false));
        }
        return new NoteForm(
                subjective, painRegions, rows, treatedRegions, assessment, planFrequency, homeCare, discharge);
    }

    NoteContent content() {
        List<Finding> found = findings.stream()
                .filter(FindingRow::used)
                .map(FindingRow::finding)
                .toList();
        return new NoteContent(
                subjective,
                Set.copyOf(painRegions),
                found,
                Set.copyOf(treatedRegions),
                assessment,
                planFrequency,
                homeCare,
                discharge);
    }
}
