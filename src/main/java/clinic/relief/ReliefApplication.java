package clinic.relief;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Relief API",
                        version = "1",
                        description =
                                "The public JSON API of the Relief clinic system: the pain finder and the service area check."))
public class ReliefApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReliefApplication.class, args);
    }
}
