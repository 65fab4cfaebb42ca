package clinic.relief.mail;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail's SMTP for the tests that read the sent mail. Its port comes from {@code relief.test.smtp-port}, which
 * the pom sets per surefire JVM (two run at once), so two such classes never bind the same port; 3025 when a test
 * runs alone. The tests point the app at it with {@code spring.mail.port=${relief.test.smtp-port:3025}}.
 */
public final class TestSmtp {

    public static final ServerSetup SETUP =
            ServerSetupTest.SMTP.port(Integer.getInteger("relief.test.smtp-port", 3025));

    private TestSmtp() {}
}
