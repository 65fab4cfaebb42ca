package clinic.relief.booking.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Booking;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.store.ConfirmationStore;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a schedule grid shows for a run of clinic dates: each listed therapist's hours, breaks and time off per date,
 * the rooms in use, and every appointment that is not cancelled (holds and requests included). Read with a fixed
 * number of queries however many therapists and appointments there are: the schedule version (and the configuration
 * only when it changed), the therapists, the appointments, their confirmations, their patients and the room names.
 *
 * <p>Time off is known from a day before now on (older time off no longer matters to booking), so a past date shows
 * none. Callers check who may see what.
 */
@NamedInterface("schedule")
@Service
public class ScheduleDays {

    private final Booking booking;
    private final Therapists therapists;
    private final Schedules schedules;
    private final ScheduleConfiguration configuration;
    private final Appointments appointments;
    private final ConfirmationStore confirmations;
    private final Patients patients;

    ScheduleDays(
            Booking booking,
            Therapists therapists,
            Schedules schedules,
            ScheduleConfiguration configuration,
            Appointments appointments,
            ConfirmationStore confirmations,
            Patients patients) {
        this.booking = booking;
        this.therapists = therapists;
        this.schedules = schedules;
        this.configuration = configuration;
        this.appointments = appointments;
        this.confirmations = confirmations;
        this.patients = patients;
    }

    /** One therapist's working day: hours, breaks and time off as instants (each list empty when there is none). */
    public record TherapistDay(
            UUID therapistId, LocalDate date, List<TimeRange> hours, List<TimeRange> breaks, List<TimeRange> timeOff) {

        public TherapistDay {
            hours = List.copyOf(hours);
            breaks = List.copyOf(breaks);
            timeOff = List.copyOf(timeOff);
        }

        /** Whether the therapist has hours on this date at all. */
        public boolean working() {
            return !hours.isEmpty();
        }
    }

    /** A room in use. */
    public record Room(UUID id, String name) {}

    /** The dates {@code from}-{@code to}: therapists by name, their days, the rooms, the appointments by start. */
    public record Span(
            LocalDate from,
            LocalDate to,
            List<Therapist> therapists,
            List<TherapistDay> days,
            List<Room> rooms,
            List<AppointmentView> appointments) {

        public Optional<TherapistDay> day(UUID therapistId, LocalDate date) {
            return days.stream()
                    .filter(d -> d.therapistId().equals(therapistId) && d.date().equals(date))
                    .findFirst();
        }
    }

    /** The clinic dates {@code from}-{@code to} (at most 31 of them). */
    @Transactional(readOnly = true)
    public Span between(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new IllegalArgumentException("A schedule span is 1 to 31 days: " + from + " - " + to);
        }
        ZoneId zone = booking.zone();
        ScheduleConfiguration.Snapshot snapshot =
                configuration.at(schedules.nothingBlocked().version());
        List<Therapist> listed = therapists.all();
        List<TherapistDay> days = new ArrayList<>();
        for (Therapist therapist : listed) {
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                days.add(day(snapshot, therapist.id(), date, zone));
            }
        }
        Map<UUID, String> roomNames = schedules.roomNames();
        List<Room> rooms = snapshot.rooms().stream()
                .map(id -> new Room(id, roomNames.getOrDefault(id, "")))
                .toList();
        TimeRange span = new TimeRange(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        List<Appointment.Stored> found = appointments.starting(span, Optional.empty()).stream()
                .filter(a -> a.status() != AppointmentStatus.CANCELLED)
                .toList();
        Set<UUID> patientIds = new HashSet<>();
        found.forEach(a -> patientIds.add(a.patientId()));
        Map<UUID, Patient> byId = patients.all(patientIds);
        Map<UUID, Instant> confirmed = confirmations.confirmedAt(
                found.stream().map(Appointment.Stored::id).toList());
        List<AppointmentView> views = found.stream()
                .filter(a -> byId.containsKey(a.patientId()))
                .map(a ->
                        view(a, byId.get(a.patientId()), listed, roomNames, Optional.ofNullable(confirmed.get(a.id()))))
                .toList();
        return new Span(from, to, listed, days, rooms, views);
    }

    private static TherapistDay day(
            ScheduleConfiguration.Snapshot snapshot, UUID therapist, LocalDate date, ZoneId zone) {
        TimeRange whole = new TimeRange(
                date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
        return new TherapistDay(
                therapist,
                date,
                on(snapshot.hours().getOrDefault(therapist, List.of()), date, zone),
                on(snapshot.breaks().getOrDefault(therapist, List.of()), date, zone),
                snapshot.timeOff().getOrDefault(therapist, List.of()).stream()
                        .filter(off -> off.overlaps(whole))
                        .toList());
    }

    private static List<TimeRange> on(List<WeeklyTime> times, LocalDate date, ZoneId zone) {
        return times.stream()
                .filter(time -> time.fallsOn(date))
                .map(time -> time.on(date, zone))
                .sorted((a, b) -> a.start().compareTo(b.start()))
                .toList();
    }

    private AppointmentView view(
            Appointment.Stored a,
            Patient patient,
            List<Therapist> listed,
            Map<UUID, String> rooms,
            Optional<Instant> confirmedAt) {
        Therapist therapist = named(a.therapistId(), listed);
        return new AppointmentView(
                a.id(),
                patient,
                therapist,
                booking.service(a.serviceId()),
                a.minutes(),
                a.start(),
                a.end(),
                a.roomId() == null ? null : rooms.get(a.roomId()),
                a.status(),
                a.feeOwed(),
                a.feeReason(),
                a.assessmentId(),
                a.secondTherapistId().map(id -> named(id, listed)),
                a.version(),
                confirmedAt);
    }

    private static Therapist named(UUID id, List<Therapist> listed) {
        return listed.stream().filter(t -> t.id().equals(id)).findFirst().orElseGet(() -> new Therapist(id, ""));
    }
}
