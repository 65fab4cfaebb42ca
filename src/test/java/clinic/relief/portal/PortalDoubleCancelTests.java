package clinic.relief.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.patients.Patients;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A patient who clicks "Cancel my appointment" twice (two requests of one session at the same instant): one cancels,
 * the other answers 409 with a message and changes nothing; never a 500, and one cancellation e-mail.
 */
@ReliefTest
class PortalDoubleCancelTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    Patients patients;

    @Autowired
    ApplicationContext context;

    @Test
    void aDoubleCancelCancelsOnceAndTheSecondClickIsAConflictNotAnError() throws Exception {
        BookingTestData data = new BookingTestData(context);
        UUID therapist = data.therapistWithOwnRoom("00:00", "23:45");
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        Cookie session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        UUID me = patients.findByEmail(email).orElseThrow().id();

        for (int round = 0; round < 3; round++) {
            UUID id = booking.book(new BookAppointment(
                            me,
                            "swedish",
                            60,
                            data.at(data.day(), (10 + 2 * round) + ":00"),
                            Optional.of(therapist),
                            Appointment.Source.ONLINE,
                            null,
                            null))
                    .id();

            List<MockHttpServletResponse> answers = bothAtOnce(id, session);

            assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(302, 409);
            MockHttpServletResponse refused = answers.stream()
                    .filter(a -> a.getStatus() == 409)
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.getContentAsString()).contains("Nothing changed: this appointment can no longer be");
            assertThat(jdbc.sql("select status from booking_appointment where id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("CANCELLED");
            assertThat(jdbc.sql("select count(*) from booking_outbox where appointment_id = :id"
                                    + " and kind = 'CANCELLATION'")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private List<MockHttpServletResponse> bothAtOnce(UUID id, Cookie session) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MockHttpServletResponse>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(pool.submit(() -> {
                    gate.await();
                    return mvc.perform(post("/account/appointments/" + id + "/cancel")
                                    .cookie(session)
                                    .with(csrf()))
                            .andReturn()
                            .getResponse();
                }));
            }
            gate.countDown();
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (Future<MockHttpServletResponse> click : clicks) {
                answers.add(click.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
