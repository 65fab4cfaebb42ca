package clinic.relief.clinic;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Do you serve my city or ZIP?" as JSON, for the site's own script and for partners' sites. */
@Tag(name = "Service area")
@RestController
@RequestMapping("/api/service-area")
class ServiceAreaApi {

    private final ServiceArea serviceArea;
    private final MessageSource messages;

    ServiceAreaApi(ServiceArea serviceArea, MessageSource messages) {
        this.serviceArea = serviceArea;
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<?> check(@RequestParam("q") String query) {
        return respond(serviceArea.check(query));
    }

    @PostMapping("/check")
    ResponseEntity<?> check(@Valid @RequestBody Check check) {
        return respond(serviceArea.check(check.query()));
    }

    private ResponseEntity<?> respond(ServiceArea.Answer answer) {
        if (answer.outcome() == ServiceArea.Outcome.INVALID) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
            problem.setTitle(message("problem.validation.title"));
            problem.setDetail(message("serviceArea.invalid"));
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(new Result(answer.query(), answer.served(), answer.city()));
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    record Check(@NotBlank @Size(max = 80) String query) {}

    record Result(String query, boolean served, String city) {}
}
