package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The screen that runs before any ranking: the most severe level among the ticked flags wins (emergency over
 * urgent over see_doctor), the referral lists every flag, and chest, arm and tingling patterns add their
 * doctor-first notes.
 */
final class RedFlagScreen {

    private final KnowledgeBase kb;

    RedFlagScreen(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The doctor-first notes whose region, quality or factor triggers appear in the query. */
    List<DoctorNote> notes(PainQuery query) {
        List<DoctorNote> notes = new ArrayList<>();
        for (DoctorNote note : kb.doctorFirstNotes()) {
            if (applies(note, query)) {
                notes.add(note);
            }
        }
        return notes;
    }

    /** The referral, or null when no flag was ticked. All flags must be known. */
    Referral referral(PainQuery query, List<DoctorNote> notes) {
        if (query.redFlags().isEmpty()) {
            return null;
        }
        List<RedFlag> flags = new ArrayList<>();
        for (RedFlag flag : kb.redFlags()) {
            if (query.redFlags().contains(flag.id())) {
                flags.add(flag);
            }
        }
        flags.sort(Comparator.comparing(RedFlag::level).reversed());
        ReferralLevel level = flags.get(0).level();
        return new Referral(level, flags.stream().map(RedFlag::id).toList(), kb.referralMessage(level), notes);
    }

    private boolean applies(DoctorNote note, PainQuery query) {
        for (String region : query.regions()) {
            if (note.regions().contains(kb.regionOf(region).baseId())) {
                return true;
            }
        }
        return query.qualities().stream().anyMatch(note.qualities()::contains)
                || query.factors().stream().anyMatch(note.factors()::contains);
    }
}
