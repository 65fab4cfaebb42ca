package clinic.relief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReliefApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReliefApplication.class, args);
    }
}
