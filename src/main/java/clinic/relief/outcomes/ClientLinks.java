package clinic.relief.outcomes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's own link for one visit, opened on a phone or the clinic's tablet without signing in: pain before and
 * after, the questionnaires due, and their progress. The link is 256 random bits and expires; an unknown or expired
 * link is a 404 that says nothing about any visit.
 */
@Controller
class ClientLinks {

    private final VisitStore visits;
    private final Measures measures;
    private final PainStore pain;
    private final QuestionnaireDefinitions definitions;
    private final Progress progress;
    private final Clock clock;

    ClientLinks(
            VisitStore visits,
            Measures measures,
            PainStore pain,
            QuestionnaireDefinitions definitions,
            Progress progress,
            Clock clock) {
        this.progress = progress;
        this.visits = visits;
        this.measures = measures;
        this.pain = pain;
        this.definitions = definitions;
        this.clock = clock;
    }

    @GetMapping("/outcomes/v/{token}")
    String scores(@PathVariable String token, Model model, CsrfToken csrf) {
        csrf.getToken();
        Visit visit = visit(token);
        fill(model, visit, token);
        return "outcomes/scores";
    }

    @GetMapping("/outcomes/v/{token}/progress")
    String progress(@PathVariable String token, Locale locale, Model model) {
        Visit visit = visit(token);
        model.addAttribute("token", token);
        model.addAttribute("report", progress.progressFor(visit.patientId(), locale));
        return "outcomes/progress";
    }

    @PostMapping("/outcomes/v/{token}/pain")
    String recordPain(
            @PathVariable String token,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Visit visit = visit(token);
        try {
            measures.recordPain(
                    visit,
                    number(form.get("before"), "before"),
                    number(form.get("after"), "after"),
                    Measures.Actor.CLIENT_LINK);
        } catch (InvalidScore invalid) {
            return refused(model, visit, token, invalid, response);
        } catch (PainScoresFinal done) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", "outcomes.scores.finalRefused");
            fill(model, visit, token);
            return "outcomes/scores";
        }
        redirect.addFlashAttribute("notice", "outcomes.scores.thanks");
        return "redirect:/outcomes/v/" + token;
    }

    @PostMapping("/outcomes/v/{token}/questionnaire/{instrument}")
    String recordQuestionnaire(
            @PathVariable String token,
            @PathVariable String instrument,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Visit visit = visit(token);
        try {
            Instrument which = Instrument.of(instrument);
            List<Integer> answers = new ArrayList<>();
            List<String> activities = new ArrayList<>();
            readAnswers(which, form, answers, activities);
            measures.recordQuestionnaire(visit, which, answers, activities, Measures.Actor.CLIENT_LINK);
        } catch (InvalidScore invalid) {
            return refused(model, visit, token, invalid, response);
        }
        redirect.addFlashAttribute("notice", "outcomes.scores.thanks");
        return "redirect:/outcomes/v/" + token;
    }

    /** Reads a0..a9 (and for the PSFS activity0..4, skipping rows with neither name nor rating). */
    static void readAnswers(
            Instrument which, Map<String, String> form, List<Integer> answers, List<String> activities) {
        for (int i = 0; i < which.maxItems(); i++) {
            String name = form.get("activity" + i);
            String answer = form.get("a" + i);
            if (which == Instrument.PSFS) {
                if (blank(name) && blank(answer)) {
                    continue;
                }
                activities.add(name == null ? null : name.strip());
            }
            answers.add(number(answer, "answers[" + i + "]"));
        }
    }

    private String refused(Model model, Visit visit, String token, InvalidScore invalid, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("problem", invalid.messageKey());
        model.addAttribute("problemField", invalid.field());
        fill(model, visit, token);
        return "outcomes/scores";
    }

    private void fill(Model model, Visit visit, String token) {
        model.addAttribute("token", token);
        model.addAttribute("pain", pain.of(visit.appointmentId()).orElse(new Pain(null, null)));
        model.addAttribute("painFinal", measures.painFinal(visit));
        model.addAttribute("due", measures.due(visit));
        model.addAttribute("odi", definitions.items(Instrument.ODI));
        model.addAttribute("ndi", definitions.items(Instrument.NDI));
    }

    private Visit visit(String token) {
        return visits.byToken(token)
                .filter(v -> v.linkExpiresAt().isAfter(clock.instant()))
                .orElseThrow(UnknownVisit::new);
    }

    static Integer number(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidScore(field, "outcomes.score.outOfRange");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
