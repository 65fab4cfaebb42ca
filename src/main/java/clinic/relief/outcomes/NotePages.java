package clinic.relief.outcomes;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.patients.VerificationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The therapist's note editor (the list of visits is {@link NoteListPages}). The owner sees every visit and note;
 * the front desk none (403). Access rules live in {@link TreatmentNotes}.
 */
@Controller
class NotePages {

    private final TreatmentNotes notes;
    private final VisitStore visits;
    private final Readers readers;
    private final NoteView view;
    private final Measures measures;
    private final Clock clock;

    NotePages(TreatmentNotes notes, VisitStore visits, Readers readers, NoteView view, Measures measures, Clock clock) {
        this.measures = measures;
        this.clock = clock;
        this.notes = notes;
        this.visits = visits;
        this.readers = readers;
        this.view = view;
    }

    @GetMapping("/staff/notes/{appointmentId}")
    String note(@PathVariable UUID appointmentId, Authentication auth, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        Reader reader = readers.of(auth);
        NoteHistory history = notes.read(reader, appointmentId);
        view.fill(model, reader, history, NoteForm.of(history.latest().content()), locale);
        return "outcomes/note";
    }

    @PostMapping("/staff/notes/{appointmentId}/pain")
    String pain(
            @PathVariable UUID appointmentId,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after,
            Authentication auth,
            RedirectAttributes redirect) {
        Reader reader = readers.of(auth);
        Visit visit = visits.find(appointmentId).orElseThrow(() -> new UnknownVisit(appointmentId));
        if (!reader.mayWrite(visit)) {
            throw new NoteAccessDenied();
        }
        try {
            measures.recordPain(
                    visit,
                    ClientLinks.number(before, "before"),
                    ClientLinks.number(after, "after"),
                    new Measures.Actor(reader.name(), reader.role().name()));
            redirect.addFlashAttribute("notice", "outcomes.scores.saved");
        } catch (InvalidScore invalid) {
            redirect.addFlashAttribute("problem", invalid.messageKey());
        } catch (PainScoresFinal done) {
            redirect.addFlashAttribute("problem", done.messageKey());
        }
        return "redirect:/staff/notes/" + appointmentId;
    }

    /**
     * Opens the client's link for this visit (on the clinic's tablet, say): a fresh one each time, since only a hash
     * of it is kept, so the one opened before stops working. Only whoever may score the visit may open it, and only
     * until the link expires.
     */
    @PostMapping("/staff/notes/{appointmentId}/client-link")
    String clientLink(@PathVariable UUID appointmentId, Authentication auth, RedirectAttributes redirect) {
        Reader reader = readers.of(auth);
        Visit visit = visits.find(appointmentId).orElseThrow(() -> new UnknownVisit(appointmentId));
        if (!reader.mayWrite(visit)) {
            throw new NoteAccessDenied();
        }
        if (!visit.linkExpiresAt().isAfter(clock.instant())) {
            redirect.addFlashAttribute("problem", "outcomes.note.clientLinkExpired");
            return "redirect:/staff/notes/" + appointmentId;
        }
        VerificationToken link = VerificationToken.random();
        visits.replaceLink(appointmentId, link.hash());
        return "redirect:/outcomes/v/" + link.value();
    }

    @PostMapping("/staff/notes/{appointmentId}")
    String save(
            @PathVariable UUID appointmentId,
            NoteForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Authentication auth,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Reader reader = readers.of(auth);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("problem", "outcomes.error.finding");
            return "redirect:/staff/notes/" + appointmentId;
        }
        try {
            notes.save(reader, appointmentId, form.content());
        } catch (InvalidNote invalid) {
            NoteHistory history = notes.read(reader, appointmentId);
            model.addAttribute("fieldError", invalid.field());
            model.addAttribute("problem", invalid.messageKey());
            view.fill(model, reader, history, form, locale);
            return "outcomes/note";
        }
        if ("sign".equals(action)) {
            notes.sign(reader, appointmentId);
        }
        redirect.addFlashAttribute("notice", "sign".equals(action) ? "outcomes.note.signed" : "outcomes.note.saved");
        return "redirect:/staff/notes/" + appointmentId;
    }

    @PostMapping("/staff/notes/{appointmentId}/amend")
    String amend(@PathVariable UUID appointmentId, Authentication auth, RedirectAttributes redirect) {
        notes.amend(readers.of(auth), appointmentId);
        redirect.addFlashAttribute("notice", "outcomes.note.amending");
        return "redirect:/staff/notes/" + appointmentId;
    }

    @PostMapping("/staff/notes/{appointmentId}/void")
    String voidNote(
            @PathVariable UUID appointmentId,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            notes.voidNote(readers.of(auth), appointmentId, reason);
            redirect.addFlashAttribute("notice", "outcomes.note.voided");
        } catch (InvalidNote invalid) {
            redirect.addFlashAttribute("problem", invalid.messageKey());
        }
        return "redirect:/staff/notes/" + appointmentId;
    }
}
