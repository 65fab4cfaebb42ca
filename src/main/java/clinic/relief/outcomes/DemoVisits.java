package clinic.relief.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Muscle;
import clinic.relief.painmap.Side;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's clinical records (demo profile only): documents a completed visit as its therapist would, with pain
 * before and after, the trigger points found and a signed note, through the same services as the note page. The
 * caller runs it signed in as that therapist, so the audit trail names them.
 */
@Component
@Profile("demo")
public class DemoVisits {

    /** The back and neck muscles the clinic's clients most often bring, as knowledge base ids. */
    private static final List<String> COMMON = List.of(
            "upper_trapezius",
            "levator_scapulae",
            "quadratus_lumborum",
            "gluteus_medius",
            "suboccipitals",
            "splenius_capitis",
            "iliocostalis_lumborum",
            "piriformis",
            "rhomboids",
            "psoas_major",
            "sternocleidomastoid",
            "infraspinatus");

    private static final List<String> ASSESSMENTS = List.of(
            "Active points reproduced the client's usual pain; responded well to pressure release.",
            "Less tenderness than last visit; referral pattern fainter.",
            "Tight band with a local twitch; pain eased during treatment.",
            "Latent points only today; client reports better sleep.");

    private final TreatmentNotes notes;
    private final Measures measures;
    private final VisitStore visits;
    private final KnowledgeBase knowledge;
    private final Staff staff;

    DemoVisits(TreatmentNotes notes, Measures measures, VisitStore visits, KnowledgeBase knowledge, Staff staff) {
        this.notes = notes;
        this.measures = measures;
        this.visits = visits;
        this.knowledge = knowledge;
        this.staff = staff;
    }

    /**
     * Records pain before and after (lower the more visits the client has had, with an occasional visit that brings
     * little relief) and a signed note with one to three trigger points in the client's usual muscles.
     *
     * @param visitNumber the client's how-manyeth visit this is, from 1
     * @param usualMuscle an index into the client's usual muscles, so a client's notes tell one story
     */
    public void document(UUID appointmentId, String therapistEmail, int visitNumber, int usualMuscle, Random random) {
        StaffMember therapist = staff.findByEmail(therapistEmail).orElseThrow();
        Reader reader = new Reader(therapist.id(), therapist.role(), therapistEmail);
        Visit visit = visits.find(appointmentId).orElseThrow(() -> new UnknownVisit(appointmentId));
        int before = Math.max(2, Math.min(9, 8 - Math.min(visitNumber, 5) + random.nextInt(3)));
        int relief = random.nextInt(10) == 0 ? 1 : 2 + random.nextInt(3);
        measures.recordPain(
                visit, before, Math.max(0, before - relief), new Measures.Actor(therapistEmail, "THERAPIST"));
        List<Finding> findings = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Muscle muscle = knowledge.muscle(COMMON.get((usualMuscle + i * 3) % COMMON.size()));
            if (muscle == null) {
                continue;
            }
            findings.add(new Finding(
                    muscle.id(),
                    Side.values()[random.nextInt(Side.values().length)],
                    random.nextInt(4) != 0,
                    1 + random.nextInt(3),
                    random.nextBoolean()));
            knowledge.regionIds().stream()
                    .filter(id ->
                            muscle.primary().contains(knowledge.regionOf(id).baseId()))
                    .limit(2)
                    .forEach(regions::add);
        }
        NoteContent content = new NoteContent(
                "Client reports pain " + before + "/10 since the last visit.",
                regions,
                findings,
                regions,
                ASSESSMENTS.get(random.nextInt(ASSESSMENTS.size())),
                visitNumber < 4 ? "Weekly for three weeks" : "Every two to four weeks",
                "Heat and the stretch shown, twice a day.",
                false);
        notes.save(reader, appointmentId, content);
        notes.sign(reader, appointmentId);
    }
}
