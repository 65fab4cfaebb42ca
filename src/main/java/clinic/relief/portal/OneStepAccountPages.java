package clinic.relief.portal;

import java.util.List;

import clinic.relief.patients.OneStepAccounts;
import clinic.relief.patients.PasswordIsEmail;
import clinic.relief.patients.PatientAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An account in one step, from the booking's confirmation page or its e-mail: the offer's secret (see
 * {@link OneStepAccounts}) and the password typed once make the account, and the patient is signed in at once (a new
 * session id, as a sign-in gives). A spent or unknown offer shows the link problem page; a refused password shows the
 * form again with why, nothing changed.
 */
@Controller
class OneStepAccountPages {

    private static final int MIN = 12;
    private static final int MAX = 128;

    private final OneStepAccounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OneStepAccountPages(OneStepAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/create")
    String form(@RequestParam String token, Model model) {
        model.addAttribute("email", accounts.email(token));
        model.addAttribute("token", token);
        return "portal/create-account";
    }

    @PostMapping("/account/create")
    String create(
            @RequestParam String token,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String refused = password.length() < MIN || password.length() > MAX ? "portal.password.length" : null;
        if (refused == null) {
            try {
                signIn(accounts.create(token, password), request, response);
                return "redirect:/account?welcome";
            } catch (PasswordIsEmail isEmail) {
                refused = "portal.password.notEmail";
            }
        }
        model.addAttribute("email", accounts.email(token));
        model.addAttribute("token", token);
        model.addAttribute("refused", refused);
        response.setStatus(422);
        return "portal/create-account";
    }

    private void signIn(PatientAccounts.Account account, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                account.email(), null, List.of(new SimpleGrantedAuthority(PatientAccounts.ROLE)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // as a sign-in does: a session id known before is worth nothing after
        }
        contexts.saveContext(context, request, response);
    }
}
