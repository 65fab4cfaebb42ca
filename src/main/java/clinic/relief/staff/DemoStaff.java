package clinic.relief.staff;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo staff for trying the system out, created only when the {@code demo} profile is active (as it is under
 * {@code ./mvnw spring-boot:run}); a production start never has these accounts. Their credentials are printed at
 * start-up because that is what a demo is for.
 */
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoStaff.Accounts.class)
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final Staff staff;
    private final Accounts accounts;

    DemoStaff(Staff staff, Accounts accounts) {
        this.staff = staff;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        StringBuilder banner = new StringBuilder("\n\nDemo staff accounts (demo profile only):\n");
        for (NewStaffMember member : accounts.staff()) {
            staff.createOrUpdate(member);
            banner.append(
                    String.format("  %-11s %-32s password: %s%n", member.role(), member.email(), member.rawPassword()));
        }
        for (Profile profile : accounts.profiles()) {
            staff.findByEmail(profile.email())
                    .ifPresent(member -> staff.describe(
                            member.id(), profile.languages(), profile.specialtiesEn(), profile.specialtiesEs()));
        }
        log.info("{}  Sign in at /staff/login\n", banner);
    }

    @ConfigurationProperties("relief.demo")
    record Accounts(List<NewStaffMember> staff, List<Profile> profiles) {

        Accounts {
            staff = staff == null ? List.of() : List.copyOf(staff);
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    /** A demo therapist's languages and specialties, by the account's e-mail. */
    record Profile(String email, List<String> languages, String specialtiesEn, String specialtiesEs) {}
}
