package clinic.relief.booking;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one PostgreSQL: this test's application and a second one started against the same database,
 * each with its own connection pool and transactions. Fifty bookings of one therapist and time, split between them.
 */
@ReliefTest
class BookingTwoInstancesTests {

    static final int REQUESTS = 50;

    @Autowired
    Booking booking;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Test
    void fiftyBookingsSplitOverTwoAppInstancesOnOneDatabaseLetExactlyOneWin() throws Exception {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room A " + UUID.randomUUID(), "Room B " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        Instant start = fixture.at(fixture.day(), "13:00");
        List<UUID> callers =
                IntStream.range(0, REQUESTS).mapToObj(i -> fixture.patient()).toList();

        try (ConfigurableApplicationContext second = secondInstance()) {
            Booking other = second.getBean(Booking.class);
            assertThat(other).isNotSameAs(booking);

            List<Object> outcomes = Race.run(REQUESTS, i -> {
                Booking instance = i % 2 == 0 ? booking : other;
                BookAppointment command = new BookAppointment(
                        callers.get(i),
                        "trigger-point",
                        60,
                        start,
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null);
                return () -> instance.book(command);
            });

            assertThat(outcomes)
                    .as("outcomes other than a booking or SlotTaken")
                    .filteredOn(o -> !(o instanceof Appointment) && !(o instanceof SlotTaken))
                    .isEmpty();
            assertThat(outcomes).filteredOn(Appointment.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(SlotTaken.class::isInstance).hasSize(REQUESTS - 1);
        }
        assertThat(jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                        .param("t", therapist)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** A second application on this test's database, with its own pool (no embedded server of its own). */
    private ConfigurableApplicationContext secondInstance() throws Exception {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        return new SpringApplicationBuilder(ReliefApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=" + databasePassword(),
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
