package clinic.relief.mail;

import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents other modules queue through {@link Mail} leave once, with their attachment. */
@ReliefTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=${relief.test.smtp-port:3025}"})
class OutboxDocumentTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired
    Mail mail;

    @Autowired
    OutboxWorker worker;

    @Autowired
    Patients patients;

    @Autowired
    TransactionTemplate tx;

    @Test
    void sendsADocumentWithItsAttachmentOnce() throws Exception {
        worker.sendDue();
        smtp.reset();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = patients.findOrCreate(new NewPatient("Ana", "Doc" + tag, null, tag + "@example.com", null, "es"))
                .id();
        byte[] pdf = "%PDF-1.4 test".getBytes();

        tx.executeWithoutResult(status -> assertThat(mail.queueDocument(
                        patient,
                        "Su recibo",
                        "Hola, Ana",
                        new Mail.Attachment("receipt-1001.pdf", "application/pdf", pdf)))
                .isTrue());

        assertThat(worker.sendDue()).isEqualTo(1);
        assertThat(worker.sendDue()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Su recibo");
        Part attachment = ((Multipart) received[0].getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("receipt-1001.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void queuesNothingForAPatientWithoutEmail() {
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Leo",
                        "NoMail" + UUID.randomUUID().toString().substring(0, 6),
                        "310 555 0100",
                        null,
                        null,
                        "en"))
                .id();

        assertThat(mail.queueDocument(
                        patient, "s", "b", new Mail.Attachment("a.pdf", "application/pdf", new byte[] {1})))
                .isFalse();
    }
}
