package clinic.relief.painmap.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.EmptyRegions;
import clinic.relief.painmap.PainFinder;
import clinic.relief.painmap.PainQuery;
import clinic.relief.painmap.SavedAssessment;
import clinic.relief.painmap.Sex;
import clinic.relief.painmap.UnknownIds;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pain finder page: a form that works without JavaScript (the body map enhances its checkboxes), then a
 * results page at its own address, so that it can be reloaded, shared with the clinic and carried into booking.
 */
@Controller
class PainFinderPage {

    private final Assessments assessments;
    private final PainFinder finder;

    PainFinderPage(Assessments assessments, PainFinder finder) {
        this.assessments = assessments;
        this.finder = finder;
    }

    /** {@code ?regions=a,b} preselects regions, for links from articles; unknown ids are ignored. */
    @GetMapping("/pain-finder")
    String form(@RequestParam(name = "regions", required = false) List<String> regions, Locale locale, Model model) {
        return showForm(new FinderForm.Answers(regions, null, null, null, null), null, locale, model);
    }

    @PostMapping("/pain-finder")
    String assess(
            @RequestParam(name = "regions", required = false) List<String> regions,
            @RequestParam(name = "qualities", required = false) List<String> qualities,
            @RequestParam(name = "factors", required = false) List<String> factors,
            @RequestParam(name = "redFlags", required = false) List<String> redFlags,
            @RequestParam(name = "sex", required = false) String sex,
            Locale locale,
            Model model) {
        var answers = new FinderForm.Answers(regions, qualities, factors, redFlags, sex);
        try {
            SavedAssessment saved = assessments.assess(PainQuery.of(
                    answers.regions(), answers.qualities(), answers.factors(), answers.redFlags(), Sex.of(sex)));
            return "redirect:/pain-finder/results/" + saved.id();
        } catch (EmptyRegions e) {
            return showForm(answers, "painmap.error.noRegion", locale, model);
        } catch (UnknownIds e) {
            return showForm(answers, "painmap.error.unknown", locale, model);
        }
    }

    @GetMapping("/pain-finder/results/{id}")
    String result(@PathVariable String id, Locale locale, Model model) {
        SavedAssessment saved = parse(id)
                .flatMap(assessments::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("result", ResultPage.of(saved, finder, PainFinderApi.language(locale.getLanguage())));
        return "painmap/result";
    }

    private String showForm(FinderForm.Answers answers, String error, Locale locale, Model model) {
        model.addAttribute(
                "form", FinderForm.of(finder.knowledgeBase(), PainFinderApi.language(locale.getLanguage()), answers));
        model.addAttribute("error", error);
        return "painmap/finder";
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
