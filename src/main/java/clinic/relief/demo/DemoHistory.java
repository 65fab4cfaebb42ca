package clinic.relief.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import clinic.relief.billing.GiftCards;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.billing.RecordPayment;
import clinic.relief.billing.SellGiftCard;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.Approvals;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.outcomes.DemoVisits;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.Sex;
import clinic.relief.shared.Money;
import clinic.relief.shared.TravellingClock;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Six months (by default) of the demo clinic's life, written once on the demo's first start (when
 * {@code relief.demo.history.enabled} is set): 60 patients, each with a usual therapist and service; two to four
 * visits a day per working therapist, each checked in, completed, documented with pain before and after and a signed
 * note, and paid at the desk; a few late cancellations and no-shows; two memberships, a gift card, a waitlist; and
 * the next two weeks partly booked, with two requests awaiting approval; twelve clients with a PPO plan for the last
 * nine weeks, whose visits are claimed, submitted and answered by the payer week by week ({@link DemoClaims}). The
 * clock travels back and every step happens at the time it would have, through the same services the staff use, so
 * invoices, notes, progress and reports are what the clinic would have seen.
 * The {@link Random} is seeded, so the same start date always gives the same history.
 */
@Component
@Profile("demo")
@ConditionalOnProperty("relief.demo.history.enabled")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    static final int PATIENTS = 60;
    static final int DAYS_AHEAD = 14;
    private static final String MARKER = "patient01@demo.relief.test";
    private static final String DESK = "desk@demo.relief.test";
    /** Clients 21 to 32 have a PPO plan for (at most) the last nine weeks; see {@link DemoClaims}. */
    private static final int INSURED_FROM = 20;

    private static final int INSURED = 12;
    private static final int INSURED_DAYS = 63;
    private static final List<String> SERVICES = List.of("trigger-point", "trigger-point", "deep-tissue", "sports");

    private static final List<String> FIRST = List.of(
            "José",
            "Ana",
            "Michael",
            "Jennifer",
            "David",
            "María",
            "Kevin",
            "Sarah",
            "Luis",
            "Emily",
            "Daniel",
            "Sofía",
            "Brian",
            "Jessica",
            "Carlos",
            "Ashley",
            "Jason",
            "Gabriela",
            "Ryan",
            "Min-ji",
            "Eric",
            "Lupe",
            "Steven",
            "Hannah",
            "Miguel",
            "Nicole",
            "Tyler",
            "Rosa",
            "Andrew",
            "Yuki");
    private static final List<String> LAST = List.of(
            "Núñez",
            "García",
            "Thompson",
            "Nguyen",
            "Rodríguez",
            "Kim",
            "Martínez",
            "Johnson",
            "Hernández",
            "Lee",
            "López",
            "Patel",
            "González",
            "Smith",
            "Park",
            "Ramírez",
            "Chen",
            "Flores",
            "Brown",
            "Torres");

    private final int daysBack;
    private final Clock clock;
    private final Booking booking;
    private final AppointmentBook appointments;
    private final Patients patients;
    private final Staff staff;
    private final DemoVisits visits;
    private final Invoices invoices;
    private final Payments payments;
    private final Memberships memberships;
    private final GiftCards giftCards;
    private final Waitlist waitlist;
    private final Approvals approvals;
    private final DemoClaims claims;

    DemoHistory(
            @Value("${relief.demo.history.days:182}") int daysBack,
            Clock clock,
            Booking booking,
            AppointmentBook appointments,
            Patients patients,
            Staff staff,
            DemoVisits visits,
            Invoices invoices,
            Payments payments,
            Memberships memberships,
            GiftCards giftCards,
            Waitlist waitlist,
            Approvals approvals,
            DemoClaims claims) {
        this.daysBack = daysBack;
        this.clock = clock;
        this.booking = booking;
        this.appointments = appointments;
        this.patients = patients;
        this.staff = staff;
        this.visits = visits;
        this.invoices = invoices;
        this.payments = payments;
        this.memberships = memberships;
        this.giftCards = giftCards;
        this.waitlist = waitlist;
        this.approvals = approvals;
        this.claims = claims;
    }

    /** A demo patient and what they come for. */
    private record Client(Patient patient, int therapist, String service, int usualMuscle) {}

    /** One thing that happens at a time: a visit's check-in, its end, a no-show. */
    private record Step(Instant at, Runnable action) {}

    /** Runs after the demo's staff and schedules exist (they are written on start and on ready, in that order). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void write() {
        if (!(clock instanceof TravellingClock travelling)
                || patients.findByEmail(MARKER).isPresent()) {
            return;
        }
        List<Therapist> therapists = appointments.therapists();
        if (therapists.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ZoneId zone = booking.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Random random = new Random(2026);
        try {
            travelling.travelTo(at(today.minusDays(daysBack + 1), LocalTime.of(8, 0), zone));
            List<Client> clients = clients(random, therapists.size());
            List<Patient> insured = clients.subList(INSURED_FROM, INSURED_FROM + INSURED).stream()
                    .map(Client::patient)
                    .toList();
            LocalDate insuredFrom = today.minusDays(Math.min(daysBack, INSURED_DAYS));
            int[] visitCount = new int[clients.size()];
            for (LocalDate day = today.minusDays(daysBack); day.isBefore(today); day = day.plusDays(1)) {
                travelling.travelTo(at(day, LocalTime.of(7, 30), zone));
                if (day.equals(today.minusDays(daysBack - 3))) {
                    extras(clients, random, zone, day);
                }
                if (day.equals(insuredFrom)) {
                    asDesk(() -> claims.insure(insured, insuredFrom));
                }
                live(day, therapists, clients, visitCount, random, zone, travelling, Instant.MAX);
            }
            travelling.returnHome();
            Instant now = clock.instant();
            travelling.travelTo(at(today, LocalTime.of(7, 30), zone));
            live(today, therapists, clients, visitCount, random, zone, travelling, now);
            travelling.returnHome();
            for (int ahead = 1; ahead <= DAYS_AHEAD; ahead++) {
                book(today.plusDays(ahead), therapists, clients, random, ahead < 4 ? 4 : 2);
            }
            waitlists(clients, today);
            requests(therapists, today);
            asDesk(() -> claims.write(insured, insuredFrom, today, zone, travelling));
        } finally {
            travelling.returnHome();
            SecurityContextHolder.clearContext();
        }
        log.info(
                "Demo history written: {} patients, {} days, in {} s",
                PATIENTS,
                daysBack,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private List<Client> clients(Random random, int therapists) {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            String first = FIRST.get(i % FIRST.size());
            String last = LAST.get((i * 7 + i / FIRST.size()) % LAST.size());
            boolean spanish = i % 3 == 0;
            NewPatient form = new NewPatient(
                    first,
                    last,
                    String.format("(310) 555-%04d", 100 + i),
                    String.format("patient%02d@demo.relief.test", i + 1),
                    LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    // The first names alternate: José, Ana, Michael, Jennifer ...
                    i % FIRST.size() % 2 == 0 ? Sex.MALE : Sex.FEMALE,
                    spanish ? "es" : "en");
            Patient patient = patients.createWithConfirmedEmail(form);
            patients.recordIntake(
                    patient.id(),
                    new Intake(
                            i % 4 == 0 ? "Desk job; low back stiffness after long drives" : "",
                            i % 5 == 0 ? "Ibuprofen as needed" : "",
                            i % 9 == 0 ? "Tree nut allergy (oils)" : "",
                            "",
                            false,
                            true,
                            true),
                    form.email());
            clients.add(new Client(
                    patient, i % therapists, SERVICES.get(random.nextInt(SERVICES.size())), random.nextInt(12)));
        }
        return clients;
    }

    /**
     * One day: books two to four of each working therapist's times early in the morning, then lives through the day
     * in time order up to {@code until} (a visit under way is checked in, a later one stays booked).
     */
    private void live(
            LocalDate day,
            List<Therapist> therapists,
            List<Client> clients,
            int[] visitCount,
            Random random,
            ZoneId zone,
            TravellingClock travelling,
            Instant until) {
        List<Step> steps = new ArrayList<>();
        for (Appointment appointment : book(day, therapists, clients, random, 2 + random.nextInt(3))) {
            int client = indexOf(clients, appointment.stored().patientId());
            int fate = random.nextInt(25);
            UUID id = appointment.id();
            if (fate == 0) {
                steps.add(new Step(
                        appointment.session().start().minus(3, ChronoUnit.HOURS), () -> appointments.cancel(id)));
            } else if (fate == 1) {
                steps.add(new Step(
                        appointment.session().start().plus(20, ChronoUnit.MINUTES), () -> appointments.markNoShow(id)));
            } else {
                int visitNumber = ++visitCount[client];
                Client who = clients.get(client);
                steps.add(new Step(
                        appointment.session().start().minus(5, ChronoUnit.MINUTES), () -> appointments.checkIn(id)));
                steps.add(new Step(appointment.session().end().plus(2, ChronoUnit.MINUTES), () -> {
                    appointments.complete(id);
                    document(appointment, who, visitNumber, random);
                    pay(id, random);
                }));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            if (step.at().isAfter(until)) {
                break;
            }
            travelling.travelTo(step.at());
            step.action().run();
        }
    }

    /** Books up to {@code perTherapist} non-overlapping times for each therapist working that day. */
    private List<Appointment> book(
            LocalDate day, List<Therapist> therapists, List<Client> clients, Random random, int perTherapist) {
        List<Appointment> booked = new ArrayList<>();
        Set<UUID> busy = new HashSet<>();
        for (int t = 0; t < therapists.size(); t++) {
            Therapist therapist = therapists.get(t);
            List<Slot> slots = new ArrayList<>(
                    booking.availability(SlotSearch.with(therapist.id(), "trigger-point", 60, day, day)));
            for (int n = 0; n < perTherapist && !slots.isEmpty(); n++) {
                Slot slot = slots.get(random.nextInt(slots.size()));
                Optional<Client> client = pick(clients, t, busy, random);
                if (client.isEmpty()) {
                    break;
                }
                Client who = client.get();
                try {
                    booked.add(booking.book(new BookAppointment(
                            who.patient().id(),
                            who.service(),
                            60,
                            slot.start(),
                            Optional.of(therapist.id()),
                            Appointment.Source.FRONT_DESK,
                            null,
                            null)));
                    busy.add(who.patient().id());
                } catch (RuntimeException refused) {
                    // The time or the service does not suit this therapist's day after all: try another.
                }
                Instant start = slot.start();
                slots.removeIf(s -> s.start().isBefore(start.plus(75, ChronoUnit.MINUTES))
                        && s.start().isAfter(start.minus(75, ChronoUnit.MINUTES)));
            }
        }
        return booked;
    }

    private static Optional<Client> pick(List<Client> clients, int therapist, Set<UUID> busy, Random random) {
        List<Client> theirs = clients.stream()
                .filter(c ->
                        c.therapist() == therapist && !busy.contains(c.patient().id()))
                .toList();
        return theirs.isEmpty() ? Optional.empty() : Optional.of(theirs.get(random.nextInt(theirs.size())));
    }

    private void document(Appointment appointment, Client client, int visitNumber, Random random) {
        Optional<StaffMember> therapist = staff.find(appointment.stored().therapistId());
        if (therapist.isEmpty()) {
            return;
        }
        signedInAs(therapist.get());
        try {
            visits.document(appointment.id(), therapist.get().email(), visitNumber, client.usualMuscle(), random);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The desk takes the balance at checkout, by card most of the time. */
    private void pay(UUID appointmentId, Random random) {
        Optional<Invoice> invoice = invoices.forAppointment(appointmentId);
        if (invoice.isEmpty() || !invoice.get().balance().isPositive()) {
            return;
        }
        Payment.Method method = random.nextInt(5) == 0 ? Payment.Method.CASH : Payment.Method.CARD_TERMINAL;
        payments.record(
                new RecordPayment(
                        invoice.get().id(),
                        Payment.Kind.PAYMENT,
                        method,
                        invoice.get().balance(),
                        null),
                DESK);
    }

    /** Early in the history: two members and a gift card bought for a client. */
    private void extras(List<Client> clients, Random random, ZoneId zone, LocalDate day) {
        memberships.enrol(clients.get(1).patient().id(), "relief-monthly");
        memberships.enrol(clients.get(4).patient().id(), "relief-monthly");
        giftCards.sell(
                new SellGiftCard("DEMO-GIFT-" + (1000 + random.nextInt(9000)), Money.of("150.00"), Payment.Method.CASH),
                DESK);
    }

    private void waitlists(List<Client> clients, LocalDate today) {
        for (int i = 0; i < 4; i++) {
            Client client = clients.get(10 + i * 7);
            waitlist.join(
                    client.patient().id(),
                    WaitlistRequest.withAnyone(
                            client.service(), 60, today.plusDays(1), today.plusDays(10), PartOfDay.ANY));
        }
    }

    /**
     * Two new clients' online requests awaiting the desk's approval (their times held meanwhile), in the next days:
     * what Today and the schedule show as requests to approve. The clients are new (no visit yet), as the clinic's
     * approval rule is for new clients. (An unverified online hold lasts minutes, so the demo has none: it would be
     * gone before anyone looked.)
     */
    private void requests(List<Therapist> therapists, LocalDate today) {
        List<String> names = List.of("Valeria Castillo", "Owen Fletcher");
        for (int i = 0; i < names.size(); i++) {
            String[] name = names.get(i).split(" ");
            Patient patient = patients.createWithConfirmedEmail(new NewPatient(
                    name[0],
                    name[1],
                    String.format("(310) 555-%04d", 900 + i),
                    String.format("new%02d@demo.relief.test", i + 1),
                    LocalDate.of(1988 + i * 5, 3 + i, 14),
                    i == 0 ? Sex.FEMALE : Sex.MALE,
                    i == 0 ? "es" : "en"));
            Therapist therapist = therapists.get(i % therapists.size());
            for (int ahead = 2 + i; ahead < DAYS_AHEAD; ahead++) {
                LocalDate day = today.plusDays(ahead);
                List<Slot> free = booking.availability(SlotSearch.with(therapist.id(), "trigger-point", 60, day, day));
                if (!free.isEmpty()) {
                    approvals.requestFor(
                            booking,
                            new BookAppointment(
                                    patient.id(),
                                    "trigger-point",
                                    60,
                                    free.get(free.size() / 2).start(),
                                    Optional.of(therapist.id()),
                                    Appointment.Source.ONLINE,
                                    null,
                                    null),
                            patient);
                    break;
                }
            }
        }
    }

    /** Coverages and claims are clinical records: the audit needs someone signed in, the demo's desk. */
    private static void asDesk(Runnable work) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        DESK, null, List.of(new SimpleGrantedAuthority("ROLE_FRONT_DESK"))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signedInAs(StaffMember member) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        member.email(),
                        null,
                        List.of(new SimpleGrantedAuthority(
                                "ROLE_" + member.role().name()))));
    }

    private static int indexOf(List<Client> clients, UUID patientId) {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).patient().id().equals(patientId)) {
                return i;
            }
        }
        throw new IllegalStateException("Not a demo client: " + patientId);
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }
}
