package clinic.relief.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile only: issues a front-desk API token at every start (revoking the previous demo
 * token) and prints it, as the demo accounts are printed, so the booking API can be tried with curl at once.
 */
@Component
@Profile("demo")
class DemoApiToken implements ApplicationRunner {

    static final String NAME = "Demo front-desk client";
    private static final Logger log = LoggerFactory.getLogger(DemoApiToken.class);

    private final ApiTokens tokens;

    DemoApiToken(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        tokens.revokeNamed(NAME);
        String token = tokens.issue(NAME, StaffRole.FRONT_DESK, "demo").token();
        log.info(
                "\n\nDemo API token (FRONT_DESK, demo profile only):\n  {}\n  curl -H 'Authorization: Bearer {}'"
                        + " http://localhost:8080/api/booking/appointments/<id>\n",
                token,
                token);
    }
}
