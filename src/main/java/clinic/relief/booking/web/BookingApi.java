package clinic.relief.booking.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.store.IdempotencyKeys;
import clinic.relief.patients.UnknownPatient;
import clinic.relief.shared.Money;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking as JSON. Services and availability are public; appointments are for signed-in front desk and owner (the
 * security configuration guards {@code /api/booking/appointments/**}). No health data is ever returned here.
 */
@RestController
@RequestMapping("/api/booking")
class BookingApi {

    private static final int MAX_DAYS = 31;

    private final Booking booking;
    private final AppointmentBook book;
    private final BookingProblems problems;

    BookingApi(Booking booking, AppointmentBook book, BookingProblems problems) {
        this.booking = booking;
        this.book = book;
        this.problems = problems;
    }

    @GetMapping("/services")
    List<ServiceJson> services() {
        return booking.services().stream()
                .map(s -> new ServiceJson(
                        s.id(),
                        s.name(LocaleContextHolder.getLocale()),
                        s.prices(),
                        s.rules().buffer().toMinutes(),
                        s.rules().needsRoom(),
                        s.rules().cancelWindow().toHours(),
                        s.rules().therapists()))
                .toList();
    }

    @GetMapping("/availability")
    ResponseEntity<?> availability(
            @RequestParam String service,
            @RequestParam int minutes,
            @RequestParam LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) UUID therapist) {
        LocalDate until = to == null ? from : to;
        if (until.isBefore(from) || until.isAfter(from.plusDays(MAX_DAYS))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "from..to must be 0-" + MAX_DAYS + " days");
            return ResponseEntity.badRequest().body(problem);
        }
        SlotSearch search = new SlotSearch(service, minutes, from, until, Optional.ofNullable(therapist));
        return ResponseEntity.ok(booking.availability(search).stream()
                .map(BookingProblems.SlotJson::of)
                .toList());
    }

    /**
     * Books and answers 201 with the appointment just written (or the one a retried key booked). A key longer than
     * the column is refused with a 400 problem before anything is read or written.
     */
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AppointmentJson.class)))
    @PostMapping("/appointments")
    ResponseEntity<AppointmentJson> book(
            @Valid @RequestBody BookingRequest request,
            @Parameter(
                            description = "A retry with the same key returns the first result and books nothing twice",
                            schema = @Schema(type = "string", maxLength = IdempotencyKeys.MAX_LENGTH))
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    String idempotencyKey) {
        // Checked by IdempotencyKeys, not by a constraint here: a constraint on a parameter would switch on method
        // validation for the whole call and change the 400 answer to an invalid body.
        Appointment appointment = booking.book(new BookAppointment(
                request.patientId(),
                request.service(),
                request.minutes(),
                request.start(),
                Optional.ofNullable(request.therapistId()),
                Appointment.Source.FRONT_DESK,
                request.assessmentId(),
                IdempotencyKeys.checked(idempotencyKey),
                Optional.ofNullable(request.secondTherapistId())));
        return ResponseEntity.status(HttpStatus.CREATED).body(AppointmentJson.of(appointment.stored()));
    }

    @GetMapping("/appointments/{id}")
    AppointmentJson appointment(@PathVariable UUID id) {
        return AppointmentJson.of(book.get(id));
    }

    /*
     * The changes below take an optional ?version= (the one the caller read): given, the change applies only if
     * nobody changed the appointment since. Of two changes at once exactly one applies; the other answers 409.
     */

    @PostMapping("/appointments/{id}/cancel")
    AppointmentJson cancel(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        if (version == null) {
            book.cancel(id);
        } else {
            book.cancel(id, version);
        }
        return AppointmentJson.of(book.get(id));
    }

    @PostMapping("/appointments/{id}/reschedule")
    AppointmentJson reschedule(
            @PathVariable UUID id,
            @Valid @RequestBody Reschedule request,
            @RequestParam(required = false) Integer version) {
        if (version == null) {
            book.reschedule(id, request.start(), request.therapistId());
        } else {
            book.reschedule(id, version, request.start(), request.therapistId());
        }
        return AppointmentJson.of(book.get(id));
    }

    @PostMapping("/appointments/{id}/check-in")
    AppointmentJson checkIn(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        if (version == null) {
            book.checkIn(id);
        } else {
            book.checkIn(id, version);
        }
        return AppointmentJson.of(book.get(id));
    }

    /** Back to booked after a check-in made by mistake. */
    @PostMapping("/appointments/{id}/undo-check-in")
    AppointmentJson undoCheckIn(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        if (version == null) {
            book.undoCheckIn(id);
        } else {
            book.undoCheckIn(id, version);
        }
        return AppointmentJson.of(book.get(id));
    }

    /** Completes a checked-in appointment; before its start a 409 ({@code urn:relief:booking:notStarted}). */
    @PostMapping("/appointments/{id}/complete")
    AppointmentJson complete(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        if (version == null) {
            book.complete(id);
        } else {
            book.complete(id, version);
        }
        return AppointmentJson.of(book.get(id));
    }

    @PostMapping("/appointments/{id}/no-show")
    AppointmentJson noShow(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        if (version == null) {
            book.markNoShow(id);
        } else {
            book.markNoShow(id, version);
        }
        return AppointmentJson.of(book.get(id));
    }

    @ExceptionHandler({
        SlotTaken.class,
        PatientAlreadyBooked.class,
        IdempotencyKeys.TooLong.class,
        IdempotencyKeys.Blank.class,
        SlotNotOffered.class,
        UnknownService.class,
        UnknownLength.class,
        UnknownTherapist.class,
        UnknownAppointment.class,
        AppointmentStateConflict.class,
        UnknownPatient.class
    })
    ResponseEntity<ProblemDetail> failed(RuntimeException failure) {
        ProblemDetail problem = problems.of(failure, LocaleContextHolder.getLocale());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    record ServiceJson(
            String id,
            String name,
            Map<Integer, BigDecimal> prices,
            long bufferMinutes,
            boolean needsRoom,
            long cancelWindowHours,
            int therapists) {}

    /**
     * A booking. For a service two therapists give together ({@code therapists: 2} in the services list, a couples
     * massage) {@code secondTherapistId} may name the second one; left out, whoever else is free then is held.
     */
    record BookingRequest(
            @NotNull UUID patientId,
            @NotBlank String service,
            @Positive int minutes,
            @NotNull Instant start,
            UUID therapistId,
            UUID assessmentId,
            UUID secondTherapistId) {}

    record Reschedule(@NotNull Instant start, @NotNull UUID therapistId) {}

    /** An appointment; {@code secondTherapistId} is null unless two therapists give it (a couples massage). */
    record AppointmentJson(
            UUID id,
            UUID patientId,
            UUID therapistId,
            UUID secondTherapistId,
            String service,
            int minutes,
            Instant start,
            Instant end,
            String status,
            BigDecimal feeOwed,
            int version) {

        static AppointmentJson of(Appointment.Stored row) {
            return new AppointmentJson(
                    row.id(),
                    row.patientId(),
                    row.therapistId(),
                    row.secondTherapistId().orElse(null),
                    row.serviceId(),
                    row.minutes(),
                    row.start(),
                    row.end(),
                    row.status().name(),
                    amount(row.feeOwed()),
                    row.version());
        }

        static AppointmentJson of(AppointmentView view) {
            return new AppointmentJson(
                    view.id(),
                    view.patient().id(),
                    view.therapist().id(),
                    view.secondTherapist().map(Therapist::id).orElse(null),
                    view.service().id(),
                    view.minutes(),
                    view.start(),
                    view.end(),
                    view.status().name(),
                    amount(view.feeOwed()),
                    view.version());
        }

        private static BigDecimal amount(Money fee) {
            return fee == null ? null : fee.amount();
        }
    }
}
