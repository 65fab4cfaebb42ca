package clinic.relief.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.fees.FeePolicy;
import clinic.relief.booking.fees.FeePolicyChangedMeanwhile;
import clinic.relief.booking.fees.FeePolicyRefused;
import clinic.relief.booking.fees.FeeRules;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.schedule.WeeklyTime;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The owner's fee policy: seeded from the configuration, versioned, checked, logged, and read by every cancellation. */
@ReliefTest
class FeePolicyIntegrationTests {

    @Autowired
    FeePolicy policy;

    @Autowired
    BookingSettings settings;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    /** Every test leaves the policy as the configuration gives it, so the other tests' fees stay as they expect. */
    @AfterEach
    void restoreTheConfiguredPolicy() {
        FeePolicy.Current now = policy.current();
        List<FeeRules> configured = now.rules().keySet().stream()
                .map(id -> {
                    var rules = settings.rulesFor(id);
                    return new FeeRules(
                            id, (int) rules.cancelWindow().toHours(), rules.lateCancelPercent(), rules.noShowPercent());
                })
                .toList();
        if (!configured.stream().allMatch(r -> r.equals(now.rules().get(r.serviceId())))) {
            policy.edit(now.version(), configured, "tests");
        }
    }

    @Test
    void eachServiceIsSeededFromTheConfigurationOnce() {
        assertThat(policy.rules("swedish")).isEqualTo(new FeeRules("swedish", 12, 25, 50));
        assertThat(policy.rules("couples")).isEqualTo(new FeeRules("couples", 48, 100, 100));
        assertThat(policy.rules("trigger-point")).isEqualTo(new FeeRules("trigger-point", 24, 50, 100));
        int rows = rows();

        policy.afterSingletonsInstantiated();

        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void aLongerWindowMakesALaterCancellationLateFromTheSaveOn() {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room A " + UUID.randomUUID(), "Room B " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        admin.schedule(therapist, week(), List.of(), List.of("trigger-point"));
        LocalDate day = fixture.day();
        Appointment booked = booking.book(new BookAppointment(
                fixture.patient(),
                "trigger-point",
                60,
                fixture.at(day, "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        assertThat(book.cancelTerms(booked.id()).late()).isFalse();
        FeePolicy.Current before = policy.current();

        policy.edit(before.version(), List.of(new FeeRules("trigger-point", 168, 40, 100)), "owner@x");

        CancelTerms terms = book.cancelTerms(booked.id());
        assertThat(terms.late()).isTrue();
        assertThat(terms.window()).isEqualTo(Duration.ofHours(168));
        assertThat(terms.fee()).isEqualTo(book.listPrice(booked.id()).percent(new BigDecimal("40")));
        assertThat(book.cancel(booked.id())).isEqualTo(terms.fee());
        assertThat(policy.changes(1).get(0).actor()).isEqualTo("owner@x");
        assertThat(policy.current().version()).isEqualTo(before.version() + 1);
    }

    @Test
    void anEditFromAStaleVersionChangesNothing() {
        int seen = policy.current().version();
        policy.edit(seen, List.of(new FeeRules("swedish", 6, 10, 20)), "first@x");
        int logged = changes();

        assertThatThrownBy(() -> policy.edit(seen, List.of(new FeeRules("swedish", 72, 90, 90)), "second@x"))
                .isInstanceOf(FeePolicyChangedMeanwhile.class);

        assertThat(policy.rules("swedish")).isEqualTo(new FeeRules("swedish", 6, 10, 20));
        assertThat(changes()).isEqualTo(logged);
    }

    @ParameterizedTest(name = "{0} h, {1} %, {2} % is refused on {3}")
    @CsvSource({
        "-1, 50, 100, cancelHours",
        "337, 50, 100, cancelHours",
        "24, 101, 100, lateCancel",
        "24, 50, -5, noShow"
    })
    void badValuesAreRefusedFieldByFieldAndChangeNothing(int hours, int late, int noShow, String field) {
        FeePolicy.Current before = policy.current();

        assertThatThrownBy(() ->
                        policy.edit(before.version(), List.of(new FeeRules("swedish", hours, late, noShow)), "owner@x"))
                .isInstanceOfSatisfying(
                        FeePolicyRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(FeeRules.Problem::field)
                                .containsExactly(field));

        assertThat(policy.current()).isEqualTo(before);
    }

    private int rows() {
        return jdbc.sql("select count(*) from booking_fee_policy")
                .query(Integer.class)
                .single();
    }

    private int changes() {
        return jdbc.sql("select count(*) from booking_fee_policy_change")
                .query(Integer.class)
                .single();
    }

    private static List<WeeklyTime> week() {
        return Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklyTime(d, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .toList();
    }
}
