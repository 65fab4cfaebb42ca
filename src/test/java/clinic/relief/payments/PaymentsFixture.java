package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Test data for payments against the local Stripe: patients with a card on file, visits and no-show fees billed as
 * booking does (billing takes part in each change), and Stripe's events looked up and delivered to the webhook. The
 * delivery needs MockMvc, which only {@code @ReliefTest} contexts have (the browser tests' contexts use the rest).
 * Deposits and online booking: {@link DepositsFixture}.
 */
@Component
class PaymentsFixture {

    private final Patients patients;
    private final CardsOnFile cards;
    private final FeeCharges fees;
    private final List<BookingParticipant> participants;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<MockMvc> mvc;

    PaymentsFixture(
            Patients patients,
            CardsOnFile cards,
            FeeCharges fees,
            List<BookingParticipant> participants,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            ObjectProvider<MockMvc> mvc) {
        this.patients = patients;
        this.cards = cards;
        this.fees = fees;
        this.participants = participants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.mvc = mvc;
    }

    // ---- patients and cards

    /** A new patient named {@code firstName} and {@code lastName} with a random tag, English-speaking. */
    UUID patient(String firstName, String lastName, @Nullable String email) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient(firstName, lastName + tag, "310 555 " + tag.substring(0, 4), email, null, "en"))
                .id();
    }

    /** Saves the test card {@code number} as the patient's card on file through the local Stripe's hosted page. */
    void saveCard(UUID patient, String number) {
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, number);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(cards.complete(
                        back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", "")))
                .contains(patient);
    }

    /** A new patient (as {@link #patient}) whose card on file is the test card {@code number}. */
    UUID patientWithCard(String firstName, String lastName, @Nullable String email, String number) {
        UUID patient = patient(firstName, lastName, email);
        saveCard(patient, number);
        return patient;
    }

    /** The Stripe customer of the patient's card on file. */
    String customerOf(UUID patient) {
        return cards.customer(patient).orElseThrow().customerId();
    }

    /** The Stripe payment method of the patient's card on file. */
    String methodOf(UUID patient) {
        return cards.customer(patient).orElseThrow().paymentMethodId().orElseThrow();
    }

    // ---- visits and fees

    /**
     * A trigger point visit (60 minutes) with {@code therapist} from {@code start}, in the given state, written as it
     * stands and billed as booking does: each booking participant is told it was booked. The appointment.
     */
    UUID visit(UUID patient, UUID therapist, Instant start, String state) {
        UUID appointment = UUID.randomUUID();
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, :status, 'FRONT_DESK', :start)""")
                .param("id", appointment)
                .param("p", patient)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .param("status", state)
                .update();
        tx.executeWithoutResult(status -> participants.forEach(p ->
                p.booked(new AppointmentBooked(appointment, patient, therapist, "trigger-point", 60, start, null))));
        return appointment;
    }

    /** A booked appointment marked a no-show with {@code fee}, as booking does it: billing takes part in each change. */
    Fee missedWithFee(UUID patient, Money fee) {
        UUID appointment = UUID.randomUUID();
        Instant start = clock.instant().plusSeconds(3600);
        tx.executeWithoutResult(status -> participants.forEach(p ->
                p.booked(new AppointmentBooked(appointment, patient, UUID.randomUUID(), "swedish", 60, start, null))));
        tx.executeWithoutResult(
                status -> participants.forEach(p -> p.missed(new AppointmentMissed(appointment, patient, fee))));
        fees.owed(appointment, patient, fee, Fee.Reason.NO_SHOW);
        return fees.ofAppointment(appointment).orElseThrow();
    }

    /** The Checkout Session of a hosted page's address. */
    static String sessionOf(String page) {
        return page.substring(page.lastIndexOf('/') + 1);
    }

    // ---- Stripe's events

    /** Delivers a Stripe event, signed, to the webhook, which must answer 200. */
    void deliver(Map<String, Object> event) {
        deliver(event, 200);
    }

    /** Delivers a Stripe event, signed, to the webhook, which must answer {@code expected}. */
    void deliver(Map<String, Object> event, int expected) {
        LocalStripe.Delivery delivery = LocalStripe.get().sign(event, clock.instant());
        try {
            mvc.getObject()
                    .perform(post(StripeWebhook.PATH)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(delivery.payload())
                            .header("Stripe-Signature", delivery.signature()))
                    .andExpect(status().is(expected));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local Stripe's last event of {@code type} whose object matches. */
    static Map<String, Object> lastEvent(String type, Predicate<Map<String, Object>> object) {
        return LocalStripe.get().events(type).stream()
                .filter(e -> object.test(objectOf(e)))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** The local Stripe's last event of {@code type} about the object with id {@code id} (a session, an intent). */
    static Map<String, Object> lastEventAbout(String type, String id) {
        return lastEvent(type, o -> id.equals(o.get("id")));
    }

    /** An event's object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> objectOf(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("object");
    }

    /** An object's metadata. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> metadataOf(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }
}
