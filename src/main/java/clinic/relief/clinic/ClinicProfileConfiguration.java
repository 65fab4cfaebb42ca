package clinic.relief.clinic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clinic profile every module reads: the file, with the details the owner edits read as they stand now. */
@Configuration(proxyBeanMethods = false)
class ClinicProfileConfiguration {

    @Bean
    ClinicProfile clinicProfile(ClinicProfileFile file, ClinicSettings settings) {
        return new ClinicProfile(file, () -> settings.current().details());
    }
}
