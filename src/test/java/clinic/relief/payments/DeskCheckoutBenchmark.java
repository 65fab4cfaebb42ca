package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payment;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Server time of the desk's checkout page (MockMvc: security, controller, queries, Thymeleaf; no network, no call to
 * Stripe): a checked-in visit with its invoice, a tip, a gift card and a cash payment recorded, and a card on file.
 * A benchmark, not a test: surefire does not pick it up by name. Run it with {@code ./mvnw -q test
 * -Dtest=DeskCheckoutBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (figures in docs/benchmarks.md).
 */
@ReliefTest
class DeskCheckoutBenchmark {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Patients patients;

    @Autowired
    Invoices invoices;

    @Autowired
    List<BookingParticipant> participants;

    @Autowired
    CardsOnFile cards;

    @Autowired
    DeskCheckouts checkouts;

    @Autowired
    Staff staff;

    @Autowired
    Clock clock;

    @Test
    void checkoutPageOfAVisitWithATipAndTwoPayments() throws Exception {
        UUID patient = patients.findOrCreate(new NewPatient("Bench", "Payer", "310 555 0199", null, null, "en"))
                .id();
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, LocalStripe.TestCard.VISA.number);
        cards.complete(back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", ""));
        UUID therapist = staff.createOrUpdate(new NewStaffMember(
                        "bench-checkout-" + UUID.randomUUID() + "@example.com",
                        "Bench Therapist",
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        false))
                .id();
        UUID appointment = UUID.randomUUID();
        Instant start = clock.instant().minus(30, ChronoUnit.MINUTES);
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, 'CHECKED_IN', 'FRONT_DESK', :start)""")
                .param("id", appointment)
                .param("p", patient)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .update();
        tx.executeWithoutResult(status -> participants.forEach(p ->
                p.booked(new AppointmentBooked(appointment, patient, therapist, "trigger-point", 60, start, null))));
        checkouts.tip(appointment, 0, "20", null, "bench@example.com");
        checkouts.pay(appointment, 1, Payment.Method.CASH, Money.of("40.00"), null, null, "bench@example.com");
        checkouts.pay(appointment, 2, Payment.Method.CHECK, Money.of("20.00"), "1234", null, "bench@example.com");
        assertThat(invoices.forAppointment(appointment).orElseThrow().payments())
                .hasSize(2);

        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            long begin = System.nanoTime();
            mvc.perform(get("/staff/payments/checkout/" + appointment)
                            .with(user("bench-desk@example.com").roles("FRONT_DESK")))
                    .andExpect(status().isOk());
            if (i >= 50) {
                nanos.add(System.nanoTime() - begin);
            }
        }
        nanos.sort(Long::compare);
        System.out.printf(
                "BENCH desk checkout page: median %.1f ms, p90 %.1f ms, min %.1f ms (%d requests after 50 warm-up)%n",
                nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() * 9 / 10) / 1e6,
                nanos.get(0) / 1e6,
                nanos.size());
    }
}
