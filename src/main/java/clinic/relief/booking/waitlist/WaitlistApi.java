package clinic.relief.booking.waitlist;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.web.BookingProblems;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waitlist as JSON, for a signed-in patient (their own requests) or the front desk and owner (anyone's, by
 * {@code patientId}); the security configuration lets no one else in. Someone else's request is a 404.
 */
@RestController
@RequestMapping("/api/waitlist")
@Tag(name = "Waitlist", description = "Requests to be offered a time when one frees up")
class WaitlistApi {

    private final Waitlist waitlist;
    private final PatientAccounts accounts;
    private final BookingProblems problems;

    WaitlistApi(Waitlist waitlist, PatientAccounts accounts, BookingProblems problems) {
        this.waitlist = waitlist;
        this.accounts = accounts;
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "Waitlist requests: the patient's own, or (staff) those of patientId")
    List<WaitlistEntry> list(@RequestParam(required = false) UUID patientId, Authentication caller) {
        return waitlist.of(patientFor(caller, patientId));
    }

    @PostMapping
    @Operation(summary = "Join the waitlist: service, length, days, part of day, optionally a therapist")
    ResponseEntity<WaitlistEntry> join(
            @Valid @RequestBody WaitlistRequest request,
            @RequestParam(required = false) UUID patientId,
            Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(waitlist.join(patientFor(caller, patientId), request));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw a waitlist request")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, Authentication caller) {
        Optional<Patient> patient = accounts.signedIn(caller);
        if (patient.isPresent()
                && !waitlist.get(id).patientId().equals(patient.get().id())) {
            throw new UnknownWaitlistEntry(id);
        }
        waitlist.withdraw(id);
        return ResponseEntity.noContent().build();
    }

    /** A patient acts for themselves only; staff name the patient. */
    private UUID patientFor(Authentication caller, UUID patientId) {
        Optional<Patient> patient = accounts.signedIn(caller);
        if (patient.isPresent()) {
            return patient.get().id();
        }
        if (patientId == null || isPatientRole(caller)) {
            throw new MissingPatient();
        }
        return patientId;
    }

    private static boolean isPatientRole(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> PatientAccounts.ROLE.equals(a.getAuthority()));
    }

    /** A staff call without {@code patientId}, or a patient account that is not confirmed. */
    static class MissingPatient extends RuntimeException {}

    @ExceptionHandler({UnknownService.class, UnknownLength.class, UnknownTherapist.class})
    ResponseEntity<ProblemDetail> failed(RuntimeException failure) {
        ProblemDetail problem = problems.of(failure, LocaleContextHolder.getLocale());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler({MissingPatient.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> badRequest() {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatus(HttpStatus.BAD_REQUEST));
    }

    @ExceptionHandler(UnknownWaitlistEntry.class)
    ResponseEntity<ProblemDetail> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatus(HttpStatus.NOT_FOUND));
    }
}
