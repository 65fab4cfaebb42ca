package clinic.relief;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the modules' PlantUML diagrams into {@code target/spring-modulith-docs}, on request only (its name matches
 * none of the suite's patterns, which saves 9 s of every run):
 * {@code ./mvnw test -Dtest=ModuleDocumentation}.
 */
class ModuleDocumentation {

    @Test
    void writesModuleDocumentation() {
        new Documenter(ApplicationModules.of(ReliefApplication.class))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
