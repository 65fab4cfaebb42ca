package clinic.relief.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import clinic.relief.booking.schedule.Availability;
import clinic.relief.booking.schedule.Availability.Pair;
import clinic.relief.booking.schedule.Catalogue;
import clinic.relief.booking.schedule.ScheduleConfiguration;
import clinic.relief.booking.schedule.Schedules;
import clinic.relief.booking.schedule.TherapistSchedule;
import clinic.relief.booking.schedule.Therapists;
import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.store.BookingLocks;
import clinic.relief.booking.store.IdempotencyKeys;
import clinic.relief.clinic.ClinicProfile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking's API: services, therapists, free slots, and booking them. A booking is checked against availability
 * first (so a slot in the past, off the grid or outside hours is refused with {@link SlotNotOffered}), then written;
 * PostgreSQL's exclusion constraints decide every race, and the loser gets {@link SlotTaken} with alternatives.
 */
@Service
@EnableConfigurationProperties(BookingSettings.class)
public class Booking {

    private static final int ATTEMPTS = 3;

    private final Catalogue catalogue;
    private final Therapists therapists;
    private final Schedules schedules;
    private final ScheduleConfiguration configuration;
    private final Appointments appointments;
    private final IdempotencyKeys keys;
    private final BookingLocks locks;
    private final BookingParticipants participants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Availability availability;
    private final ZoneId zone;
    private final Clock clock;

    Booking(
            Catalogue catalogue,
            Therapists therapists,
            Schedules schedules,
            ScheduleConfiguration configuration,
            Appointments appointments,
            IdempotencyKeys keys,
            BookingLocks locks,
            BookingParticipants participants,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            BookingSettings settings,
            ClinicProfile clinic,
            Clock clock) {
        this.catalogue = catalogue;
        this.therapists = therapists;
        this.schedules = schedules;
        this.configuration = configuration;
        this.appointments = appointments;
        this.keys = keys;
        this.locks = locks;
        this.participants = participants;
        this.events = events;
        this.transactions = transactions;
        this.zone = clinic.zone();
        this.clock = clock;
        this.availability = new Availability(zone, settings.rules(), clock);
    }

    public List<BookableService> services() {
        return catalogue.all();
    }

    public BookableService service(String id) {
        return catalogue.get(id);
    }

    /** The service with the prices that held at {@code at}: an appointment booked then is priced so. */
    public BookableService serviceAsBookedAt(String id, Instant at) {
        return catalogue.asBookedAt(id, at);
    }

    public List<Therapist> therapists(String serviceId) {
        return therapists.giving(catalogue.get(serviceId).id());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every free start the search asks for: its service and length on its dates, with its therapist or anyone. */
    public List<Slot> availability(SlotSearch search) {
        return slots(
                catalogue.offered(search.serviceId()),
                search.minutes(),
                search.from(),
                search.to(),
                new Pair(search.therapistId(), Optional.empty()),
                Optional.empty(),
                Optional.of(span(search.from(), search.to())));
    }

    /** Free starts for moving {@code appointment}: its own time counts as free. */
    public List<Slot> availabilityFor(UUID appointment, SlotSearch search) {
        return slots(
                catalogue.get(search.serviceId()),
                search.minutes(),
                search.from(),
                search.to(),
                new Pair(search.therapistId(), Optional.empty()),
                Optional.of(appointment),
                Optional.of(span(search.from(), search.to())));
    }

    /**
     * Books the slot and announces it, or returns the appointment an earlier request with the same idempotency key
     * booked.
     *
     * @throws SlotNotOffered when the start breaks the rules or hours (or a second therapist is named for a service
     *     one therapist gives, or is the first therapist again)
     * @throws SlotTaken when other appointments hold the therapist (either of a couples booking), the room or the
     *     patient then
     */
    public Appointment book(BookAppointment command) {
        return write(command, appointment -> {}, appointment -> announce(appointment.booked()));
    }

    /**
     * Books the slot as a hold (PENDING) that announces nothing, and runs {@code inTransaction} with it in the
     * transaction that writes it; an earlier request with the same idempotency key returns its appointment instead.
     */
    public Appointment hold(BookAppointment command, Consumer<Appointment> inTransaction) {
        Objects.requireNonNull(inTransaction, "inTransaction");
        return write(command, Appointment::holdForVerification, inTransaction);
    }

    /** Other modules' part of the booking first, in its transaction; then the event, for everyone else. */
    private void announce(AppointmentBooked booked) {
        participants.booked(booked);
        events.publishEvent(booked);
    }

    /**
     * Writes a new appointment: {@code prepare} runs on it before it is stored, {@code written} after, both in the
     * transaction that stores it.
     */
    private Appointment write(BookAppointment command, Consumer<Appointment> prepare, Consumer<Appointment> written) {
        try {
            return attempt(command, prepare, written);
        } catch (SlotTaken taken) {
            return earlier(command.idempotencyKey()).orElseThrow(() -> taken);
        }
    }

    private Appointment attempt(BookAppointment command, Consumer<Appointment> prepare, Consumer<Appointment> written) {
        Optional<Appointment> sameRequest = earlier(command.idempotencyKey());
        if (sameRequest.isPresent()) {
            return sameRequest.get();
        }
        BookableService service = catalogue.offered(command.serviceId());
        Pair therapist = new Pair(command.therapistId(), command.secondTherapistId());
        if (command.secondTherapistId().isPresent()
                && (!service.rules().twoTherapists()
                        || command.secondTherapistId().equals(command.therapistId()))) {
            throw new SlotNotOffered(command.start());
        }
        Slot slot = offered(service, command.minutes(), command.start(), therapist, Optional.empty());
        for (int attempt = 1; ; attempt++) {
            try {
                Slot chosen = slot;
                return transactions.execute(tx -> insert(command, service, chosen, prepare, written));
            } catch (Appointments.Overlap | IdempotencyKeys.Reused | BookingLocks.RoomWithdrawn lost) {
                if (lost instanceof Appointments.Overlap overlap && overlap.patientBusy()) {
                    throw new PatientAlreadyBooked(command.start());
                }
                sameRequest = earlier(command.idempotencyKey());
                if (sameRequest.isPresent()) {
                    return sameRequest.get();
                }
                // Alternatives are computed here, outside the transaction, once per lost race.
                List<Slot> free = around(service, command.minutes(), command.start(), therapist, Optional.empty());
                Optional<Slot> another = startingAt(command.start(), free);
                if (another.isEmpty() || attempt == ATTEMPTS) {
                    throw new SlotTaken(command.start(), nearest(free, command.start()));
                }
                // The race took one room or therapist, but the same start is still free with another.
                slot = another.get();
            }
        }
    }

    private Optional<Appointment> earlier(String idempotencyKey) {
        return idempotencyKey == null
                ? Optional.empty()
                : keys.find(idempotencyKey).flatMap(appointments::find);
    }

    private Appointment insert(
            BookAppointment command,
            BookableService service,
            Slot slot,
            Consumer<Appointment> prepare,
            Consumer<Appointment> written) {
        locks.lock(slot, service.rules().buffer(), command.patientId(), command.idempotencyKey());
        if (command.idempotencyKey() != null) {
            Optional<Appointment> sameRequest = earlier(command.idempotencyKey());
            if (sameRequest.isPresent()) {
                return sameRequest.get();
            }
        }
        Appointment appointment = new Appointment(
                UUID.randomUUID(),
                command.patientId(),
                service.id(),
                command.minutes(),
                command.source(),
                command.assessmentId(),
                slot,
                service.rules().buffer());
        prepare.accept(appointment);
        appointments.insert(appointment, clock.instant());
        if (command.idempotencyKey() != null) {
            keys.remember(command.idempotencyKey(), appointment.id(), clock.instant());
        }
        written.accept(appointment);
        return appointment;
    }

    /**
     * The offered slot starting at {@code start} (with the therapist, if given, and for a couples massage whoever else
     * is free then); otherwise {@link SlotNotOffered}.
     */
    Slot offered(
            BookableService service, int minutes, Instant start, Optional<UUID> therapistId, Optional<UUID> ignoring) {
        return offered(service, minutes, start, new Pair(therapistId, Optional.empty()), ignoring);
    }

    /**
     * The slot for moving a couples massage: with the second therapist it already holds when they are free then,
     * otherwise with whoever else is.
     */
    Slot offeredKeeping(
            BookableService service,
            int minutes,
            Instant start,
            UUID therapistId,
            Optional<UUID> secondTherapistId,
            UUID ignoring) {
        if (secondTherapistId.isPresent()) {
            try {
                return offered(
                        service,
                        minutes,
                        start,
                        new Pair(Optional.of(therapistId), secondTherapistId),
                        Optional.of(ignoring));
            } catch (SlotTaken | SlotNotOffered secondBusy) {
                // The second therapist is not free then: the move takes whoever else is.
            }
        }
        return offered(service, minutes, start, Optional.of(therapistId), Optional.of(ignoring));
    }

    private Slot offered(BookableService service, int minutes, Instant start, Pair asked, Optional<UUID> ignoring) {
        // Speed: see docs/benchmarks.md "Booking throughput through the staff API"
        // The start's own day answers the common case; the wider search is only for the alternatives of a refusal.
        // Only appointments that overlap this one start's blocked span can keep it from being offered, so only those
        // are read: the other starts of the day may then look free, but only this one is looked at.
        LocalDate day = start.atZone(zone).toLocalDate();
        TimeRange blocked = TimeRange.of(
                start, service.session(minutes).plus(service.rules().buffer()));
        Optional<Slot> slot =
                startingAt(start, slots(service, minutes, day, day, asked, ignoring, Optional.of(blocked)));
        if (slot.isPresent()) {
            return slot.get();
        }
        List<Slot> free = around(service, minutes, start, asked, ignoring);
        // Valid by the rules and hours, only held by other appointments: that is a lost race, not bad input.
        if (startingAt(start, slots(service, minutes, day, day, asked, ignoring, Optional.empty()))
                .isPresent()) {
            throw new SlotTaken(start, nearest(free, start));
        }
        throw new SlotNotOffered(start);
    }

    private static Optional<Slot> startingAt(Instant start, List<Slot> slots) {
        return slots.stream().filter(slot -> slot.start().equals(start)).findFirst();
    }

    /** Up to three free starts nearest to the one asked for, the day before to the day after. */
    List<Slot> alternatives(
            BookableService service, int minutes, Instant start, Optional<UUID> therapistId, Optional<UUID> ignoring) {
        return nearest(around(service, minutes, start, new Pair(therapistId, Optional.empty()), ignoring), start);
    }

    /** Free starts from the day before {@code start} to the day after. */
    private List<Slot> around(
            BookableService service, int minutes, Instant start, Pair asked, Optional<UUID> ignoring) {
        LocalDate day = start.atZone(zone).toLocalDate();
        LocalDate from = day.minusDays(1);
        LocalDate to = day.plusDays(1);
        return slots(service, minutes, from, to, asked, ignoring, Optional.of(span(from, to)));
    }

    private static List<Slot> nearest(List<Slot> free, Instant start) {
        return free.stream()
                .sorted(Comparator.comparing(
                        slot -> Duration.between(slot.start(), start).abs()))
                .limit(3)
                .sorted(Comparator.comparing(Slot::start))
                .toList();
    }

    /**
     * Free starts on the clinic dates {@code from}-{@code to}, counting the appointments that block time inside
     * {@code appointmentsIn} (empty: none, for what the rules and hours alone allow).
     */
    private List<Slot> slots(
            BookableService service,
            int minutes,
            LocalDate from,
            LocalDate to,
            Pair asked,
            Optional<UUID> ignoring,
            Optional<TimeRange> appointmentsIn) {
        Schedules.Blocked blocked =
                appointmentsIn.map(span -> schedules.blocked(span, ignoring)).orElseGet(schedules::nothingBlocked);
        ScheduleConfiguration.Snapshot configuration = this.configuration.at(blocked.version());
        List<UUID> giving = configuration.giving(service.id());
        for (Optional<UUID> named : List.of(asked.first(), asked.second())) {
            if (named.isPresent() && !giving.contains(named.get())) {
                throw new UnknownTherapist(named.get(), service.id());
            }
        }
        Availability.Request request = new Availability.Request(
                service.session(minutes), service.rules().buffer(), from, to);
        boolean room = service.rules().needsRoom();
        if (service.rules().twoTherapists()) {
            // Everyone who gives the service may be the second therapist, whoever is asked for first.
            List<TherapistSchedule> therapists = schedules.of(configuration, giving, blocked);
            return room
                    ? availability.pairsWithRoom(request, therapists, schedules.rooms(configuration, blocked), asked)
                    : availability.pairs(request, therapists, asked);
        }
        List<UUID> ids = giving.stream()
                .filter(id -> asked.first().map(id::equals).orElse(true))
                .toList();
        List<TherapistSchedule> therapists = schedules.of(configuration, ids, blocked);
        return room
                ? availability.slotsWithRoom(request, therapists, schedules.rooms(configuration, blocked))
                : availability.slots(request, therapists);
    }

    /** Every instant a session starting on the clinic dates {@code from}-{@code to} could block, with room to spare. */
    private TimeRange span(LocalDate from, LocalDate to) {
        return new TimeRange(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(2).atStartOfDay(zone).toInstant());
    }
}
