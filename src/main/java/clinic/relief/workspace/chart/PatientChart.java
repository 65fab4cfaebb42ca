package clinic.relief.workspace.chart;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.relief.billing.Invoices;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Plans;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Cancellation;
import clinic.relief.booking.Waitlist;
import clinic.relief.insurance.Claim;
import clinic.relief.insurance.ClaimDesk;
import clinic.relief.insurance.Insurance;
import clinic.relief.mail.Mail;
import clinic.relief.outcomes.PatientNotes;
import clinic.relief.outcomes.Progress;
import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;
import clinic.relief.patients.HealthHistories;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.Patient;
import clinic.relief.patients.RecordedIntake;
import clinic.relief.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers one patient's chart from the modules that hold it, through their public APIs, section by section and role
 * by role: contact details and appointments for every staff member; the intake, notes, progress and pain finder
 * results only for those the owning module lets read them (each read audited there); money and insurance for the
 * front desk and the owner. One transaction, so the audit rows and the reads commit together.
 */
@Service
class PatientChart {

    static final int MESSAGES = 30;

    /** An appointment in the chart; {@code cancellation} is the desk's reason, when the desk cancelled it. */
    record Visit(
            UUID id,
            String when,
            String service,
            String therapist,
            String status,
            boolean upcoming,
            @Nullable Cancellation cancellation) {}

    /**
     * One invoice on the chart. {@code owing}: money is owed on it now; {@code dueAtVisit}: it is the invoice of a
     * visit still to come, so its open balance is what the visit will cost, not a debt.
     */
    record Bill(UUID id, long number, String issued, String total, String balance, boolean owing, boolean dueAtVisit) {}

    record Member(String plan, String status) {}

    record Found(String when, List<String> muscles) {}

    record Waiting(
            UUID id,
            String service,
            int minutes,
            LocalDate firstDay,
            LocalDate lastDay,
            String partOfDay,
            String therapist,
            String status) {}

    record Sent(String when, String subject, String state) {}

    private final AppointmentBook appointments;
    private final Booking booking;
    private final BookingViews views;
    private final HealthHistories histories;
    private final IntakeForms intakeForms;
    private final PatientNotes notes;
    private final Progress progress;
    private final Assessments assessments;
    private final KnowledgeBase knowledge;
    private final Invoices invoices;
    private final Memberships memberships;
    private final Plans plans;
    private final Insurance insurance;
    private final ClaimDesk claims;
    private final Waitlist waitlist;
    private final Mail mail;
    private final Clock clock;

    PatientChart(
            AppointmentBook appointments,
            Booking booking,
            BookingViews views,
            HealthHistories histories,
            IntakeForms intakeForms,
            PatientNotes notes,
            Progress progress,
            Assessments assessments,
            KnowledgeBase knowledge,
            Invoices invoices,
            Memberships memberships,
            Plans plans,
            Insurance insurance,
            ClaimDesk claims,
            Waitlist waitlist,
            Mail mail,
            Clock clock) {
        this.appointments = appointments;
        this.booking = booking;
        this.views = views;
        this.histories = histories;
        this.intakeForms = intakeForms;
        this.notes = notes;
        this.progress = progress;
        this.assessments = assessments;
        this.knowledge = knowledge;
        this.invoices = invoices;
        this.memberships = memberships;
        this.plans = plans;
        this.insurance = insurance;
        this.claims = claims;
        this.waitlist = waitlist;
        this.mail = mail;
        this.clock = clock;
    }

    /** The chart's sections as model attributes; a section the caller may not see is left out. */
    @Transactional
    Map<String, Object> of(Patient patient, Authentication who, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        boolean desk = has(who, "OWNER", "FRONT_DESK");
        LocalDate today = LocalDate.ofInstant(clock.instant(), booking.zone());
        model.put(
                "born",
                Optional.ofNullable(patient.dateOfBirth())
                        .map(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale)::format)
                        .orElse(""));
        model.put(
                "age",
                Optional.ofNullable(patient.dateOfBirth())
                        .map(born -> Period.between(born, today).getYears())
                        .orElse(null));
        List<AppointmentView> all = appointments.ofPatient(patient.id());
        Map<UUID, Cancellation> cancelled = appointments.cancellations(all.stream()
                .filter(a -> a.status() == AppointmentStatus.CANCELLED)
                .map(AppointmentView::id)
                .toList());
        model.put(
                "visits",
                all.stream().map(a -> visit(a, locale, cancelled.get(a.id()))).toList());
        model.put("desk", desk);
        model.put("owner", has(who, "OWNER"));
        health(patient.id(), all, locale, model);
        boolean clinical = notes.mayRead(who, patient.id());
        model.put("clinical", clinical);
        if (clinical) {
            model.put("notes", notes.ofPatient(who, patient.id()));
            model.put("report", progress.progressFor(patient.id(), locale));
        }
        if (desk) {
            money(patient.id(), locale, model);
            model.put("insurance", insurance.ofPatient(patient.id()));
            List<Claim> claimed = claims.ofPatient(patient.id());
            model.put("claims", claimed);
            // completed visits with no claim yet (coverage entered after the visit, say): the desk may draft one
            Set<UUID> withClaim =
                    claimed.stream().map(c -> c.facts().appointmentId()).collect(Collectors.toSet());
            model.put(
                    "unclaimed",
                    all.stream()
                            .filter(a -> a.status() == AppointmentStatus.COMPLETED && !withClaim.contains(a.id()))
                            .map(a -> visit(a, locale, null))
                            .toList());
        }
        model.put(
                "waiting",
                waitlist.of(patient.id()).stream()
                        .map(w -> new Waiting(
                                w.id(),
                                booking.service(w.serviceId()).name(locale),
                                w.minutes(),
                                w.firstDay(),
                                w.lastDay(),
                                w.partOfDay().name(),
                                w.therapistId().map(this::therapistName).orElse(""),
                                w.status()))
                        .toList());
        model.put(
                "messages",
                patient.email() == null
                        ? List.of()
                        : mail.sentTo(patient.email(), MESSAGES).stream()
                                .map(m -> new Sent(views.dateTime(m.at(), locale), m.subject(), m.state()))
                                .toList());
        return model;
    }

    private void health(UUID patientId, List<AppointmentView> all, Locale locale, Map<String, Object> model) {
        boolean readable = histories.mayRead(patientId);
        model.put("healthReadable", readable);
        model.put(
                "intakeSince",
                histories
                        .onFileSince(patientId)
                        .map(at -> views.dateTime(at, locale))
                        .orElse(null));
        // A signed intake form and the health history given at booking are told apart, as on the appointment pages:
        // "on file since" the latest of the two read as a signed form when only the booking's answers were there.
        model.put(
                "intakeSigned",
                intakeForms
                        .status(patientId)
                        .signedAt()
                        .map(at -> views.dateTime(at, locale))
                        .orElse(null));
        if (!readable) {
            return;
        }
        Optional<RecordedIntake> intake = histories.read(patientId);
        model.put("intake", intake.map(RecordedIntake::answers).orElse(null));
        Lang lang = "es".equals(locale.getLanguage()) ? Lang.ES : Lang.EN;
        List<Found> found = new ArrayList<>();
        for (AppointmentView a : all) {
            if (a.assessmentId() != null) {
                assessments
                        .find(a.assessmentId())
                        .ifPresent(saved -> found.add(new Found(
                                views.dateTime(saved.createdAt(), locale),
                                saved.result().candidates().stream()
                                        .limit(5)
                                        .map(c -> muscleName(c.muscle(), lang))
                                        .toList())));
            }
        }
        model.put("assessments", found);
    }

    private void money(UUID patientId, Locale locale, Map<String, Object> model) {
        Money balance = invoices.balanceOf(patientId); // read once (docs/benchmarks.md, "Workspace pages (issue 18)")
        model.put("balance", balance.format(locale));
        model.put("owing", balance.isPositive());
        Set<UUID> notYetDue = invoices.notYetDue(patientId);
        model.put(
                "bills",
                invoices.ofPatient(patientId).stream()
                        .map(i -> new Bill(
                                i.id(),
                                i.number(),
                                views.dateTime(i.issuedAt(), locale),
                                i.total().format(locale),
                                i.balance().format(locale),
                                i.balance().isPositive() && !notYetDue.contains(i.id()),
                                i.balance().isPositive() && notYetDue.contains(i.id())))
                        .toList());
        model.put(
                "memberships",
                memberships.ofPatient(patientId).stream()
                        .map(m -> new Member(
                                plans.get(m.planId()).name(locale), m.status().name()))
                        .toList());
    }

    private Visit visit(AppointmentView a, Locale locale, @Nullable Cancellation cancellation) {
        Instant now = clock.instant();
        return new Visit(
                a.id(),
                views.dateTime(a.start(), locale),
                a.service().name(locale) + " · " + a.minutes() + " min",
                a.therapist().name(),
                a.status().name(),
                a.start().isAfter(now),
                cancellation);
    }

    private String muscleName(String id, Lang lang) {
        var muscle = knowledge.muscle(id);
        return muscle == null ? id : muscle.name().in(lang);
    }

    private String therapistName(UUID id) {
        return appointments.therapists().stream()
                .filter(t -> t.id().equals(id))
                .map(t -> t.name())
                .findFirst()
                .orElse("");
    }

    static boolean has(Authentication who, String... roles) {
        var held = AuthorityUtils.authorityListToSet(who.getAuthorities());
        for (String role : roles) {
            if (held.contains("ROLE_" + role)) {
                return true;
            }
        }
        return false;
    }
}
