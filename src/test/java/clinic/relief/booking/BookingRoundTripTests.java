package clinic.relief.booking;

import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import clinic.relief.ReliefApplication;
import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a booking costs in round trips to PostgreSQL, counted by a relay in front of the database that a second app
 * instance (a pool of two connections, its sweeps idle) books through. On the benchmark machine each round trip is two
 * context switches and a statement's fixed costs, much of a booking's CPU (docs/benchmarks.md), so this is a budget:
 * a change that adds one fails here and has to say why.
 */
@ReliefTest
class BookingRoundTripTests {

    /**
     * The free-slot read; the locks with the room's row; the appointment; the membership and coverage reads; the
     * follow-up voucher's redemption; the quote with the invoice; the patient; the manage link the letters carry (its
     * hash stored: issue 21); both letters (one batch); whether the patient refused e-mail and whether they may be
     * texted (sms consents: two reads, which one query could answer); for a patient without an account, whether
     * their address has one and the one-step account offer the confirmation carries (its hash stored: issue 21); the
     * commit. With first-visit intake links on (the default; the test profile turns them off) the booking also stores
     * that listener's event publication.
     */
    static final int ROUND_TRIPS_PER_BOOKING = 15;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Test
    void aBookingWithARoomAndLettersCostsItsBudgetOfRoundTrips() throws Exception {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        LocalDate first = fixture.day();
        // Made first, so the bookings run back to back: a connection idle for half a second is checked on borrowing.
        List<UUID> callers =
                IntStream.range(0, 12).mapToObj(i -> fixture.patient()).toList();

        List<Integer> counts = new ArrayList<>();
        try (RoundTripRelay relay = new RoundTripRelay(databasePort());
                ConfigurableApplicationContext second = throughRelay(relay)) {
            Booking booking = second.getBean(Booking.class);
            // The driver prepares a statement on the server at its fifth run: count the runs after that.
            for (int day = 0; day < callers.size(); day++) {
                BookAppointment command = new BookAppointment(
                        callers.get(day),
                        "trigger-point",
                        60,
                        fixture.at(first.plusDays(day), "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null);
                int before = relay.roundTrips();
                booking.book(command);
                counts.add(relay.roundTrips() - before);
            }
        }

        // The least of the last six: a background task of the second instance can only add to a count.
        assertThat(Collections.min(counts.subList(6, 12)))
                .as("round trips per booking, all counts %s", counts)
                .isEqualTo(ROUND_TRIPS_PER_BOOKING);
    }

    private int databasePort() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return URI.create(connection.getMetaData().getURL().substring("jdbc:".length()))
                    .getPort();
        }
    }

    private ConfigurableApplicationContext throughRelay(RoundTripRelay relay) {
        return new SpringApplicationBuilder(ReliefApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .properties(
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + relay.port()
                                + "/postgres?sslmode=disable&gssEncMode=disable",
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=" + databasePassword(),
                        "spring.datasource.hikari.maximum-pool-size=2",
                        "relief.booking.requests.sweep-every=1h",
                        "relief.booking.online-hold.sweep-every=1h",
                        "relief.booking.waitlist.sweep-every=1h",
                        "spring.session.jdbc.cleanup-cron=-",
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.jmx.enabled=false",
                        "spring.main.banner-mode=off")
                .run();
    }

    /** The embedded server asks every connection for its password (issue 17); its own data source carries it. */
    private String databasePassword() {
        return ((PGSimpleDataSource) postgres.getPostgresDatabase()).getPassword();
    }
}
