package clinic.relief.outcomes;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a SOAP note says. Subjective: the client's own report and the regions where they feel pain (selectable region
 * ids of the pain finder's map). Objective: the trigger points found and the regions treated. Assessment: the
 * therapist's reading. Plan: how often to come, what to do at home, and whether this visit discharges the client.
 */
public record NoteContent(
        String subjective,
        Set<String> painRegions,
        List<Finding> findings,
        Set<String> treatedRegions,
        String assessment,
        String planFrequency,
        String homeCare,
        boolean discharge) {

    static final int MAX_TEXT = 4000;
    static final int MAX_FINDINGS = 40;

    public NoteContent {
        subjective = text(subjective, "subjective");
        assessment = text(assessment, "assessment");
        planFrequency = text(planFrequency, "planFrequency");
        homeCare = text(homeCare, "homeCare");
        painRegions = painRegions == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(painRegions));
        treatedRegions = treatedRegions == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(treatedRegions));
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (findings.size() > MAX_FINDINGS) {
            throw new InvalidNote("findings", "outcomes.error.tooManyFindings");
        }
    }

    /** An empty note, with the client's pain map from intake when one came with the booking. */
    static NoteContent draft(Set<String> painRegions) {
        return new NoteContent("", painRegions, List.of(), Set.of(), "", "", "", false);
    }

    private static String text(String value, String field) {
        String text = value == null ? "" : value.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidNote(field, "outcomes.error.tooLong");
        }
        return text;
    }
}
