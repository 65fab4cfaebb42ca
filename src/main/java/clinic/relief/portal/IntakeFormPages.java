package clinic.relief.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import clinic.relief.patients.IntakeDocument;
import clinic.relief.patients.IntakeForm;
import clinic.relief.patients.IntakeFormChanged;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.IntakeIncomplete;
import clinic.relief.patients.IntakeSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The intake form behind an e-mailed link, for a patient who is not signed in: answer, read the consent and
 * policies, type a name to sign. Required answers missing, or a form that changed since it was shown, come back to
 * the page with a message and the answers kept; nothing is stored then. A bad link gets {@link LinkProblems}' page.
 */
@Controller
class IntakeFormPages {

    /** Answers come as {@code a.<question id>} parameters. */
    private static final String ANSWER = "a.";

    private final IntakeForms forms;

    IntakeFormPages(IntakeForms forms) {
        this.forms = forms;
    }

    @GetMapping("/intake")
    String form(@RequestParam String token, Locale locale, Model model) {
        IntakeForm form = forms.open(token, locale);
        return page(model, token, form, form.answers(), "", Map.of());
    }

    @PostMapping("/intake")
    String sign(
            @RequestParam String token,
            @RequestParam(defaultValue = "") String shown,
            @RequestParam(defaultValue = "") String signedName,
            @RequestParam(defaultValue = "false") boolean agrees,
            @RequestParam Map<String, String> parameters,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Map<String, String> answers = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(ANSWER)) {
                answers.put(name.substring(ANSWER.length()), value);
            }
        });
        try {
            forms.sign(
                    token, new IntakeSubmission(answers, signedName, agrees, shown), request.getRemoteAddr(), locale);
            return "redirect:/intake/signed";
        } catch (IntakeIncomplete incomplete) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, token, forms.open(token, locale), answers, signedName, incomplete.problems());
        } catch (IntakeFormChanged changed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("changed", true);
            return page(model, token, forms.open(token, locale), answers, signedName, Map.of());
        }
    }

    @GetMapping("/intake/signed")
    String signed() {
        return "portal/intake-signed";
    }

    @GetMapping("/intake/documents/{kind}/{version}")
    String document(@PathVariable String kind, @PathVariable String version, Locale locale, Model model) {
        IntakeDocument document = forms.document(kind, version, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("document", document);
        return "portal/intake-document";
    }

    private static String page(
            Model model,
            String token,
            IntakeForm form,
            Map<String, String> answers,
            String signedName,
            Map<String, String> problems) {
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("signedName", signedName);
        model.addAttribute("problems", problems);
        return "portal/intake-form";
    }
}
