package clinic.relief;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules reviews kept catching, as tests. {@link ModularityTests} checks the module boundaries themselves (a
 * module's sub-packages are internal to it, for controllers as for every other class).
 */
class ArchitectureTests {

    private static final String BASE = "clinic.relief";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /**
     * TEMPORARY: listeners that still run inside another module's transaction, being moved to
     * {@code @ApplicationModuleListener} or the booking SPI ({@code clinic.relief.booking.spi}). Remove a class when
     * it is fixed; the test fails when a listed class no longer breaks the rule, so the list only shrinks. Names, not
     * class literals, so that a moved or deleted class does not break the build.
     */
    private static final Set<String> CROSS_MODULE_LISTENERS_NOT_YET_MOVED = Set.of();

    /** TEMPORARY, like the list above: controllers that still run SQL themselves (the outbox page, moving to mail). */
    private static final Set<String> CONTROLLERS_WITH_SQL_NOT_YET_MOVED = Set.of();

    /**
     * SQL lives only in store classes: a class named {@code …Store} or one in a module's {@code store} package (as
     * booking's {@code Appointments} and {@code BookingLocks}). The embedded PostgreSQL's set-up in {@code system}
     * (its password and connection rules) is the one other place that speaks to the database.
     */
    @Test
    void onlyStoresRunSql() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Store")
                .and()
                .resideOutsideOfPackages("..store..")
                .and()
                .haveSimpleNameNotStartingWith("EmbeddedPostgres")
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.springframework.jdbc.core.."))
                .because("SQL lives only in store classes, as fixed text; a service calls its store")
                .check(MAIN);
    }

    /** Controllers take requests and call their module's API; SQL lives in store classes. */
    @Test
    void controllersDoNotTalkToTheDatabase() {
        checkAllowing(
                noClasses()
                        .that()
                        .areMetaAnnotatedWith(Controller.class)
                        .should()
                        .dependOnClassesThat(resideInAnyPackage("org.springframework.jdbc..", "javax.sql.."))
                        .because("SQL lives only in store classes; a controller calls its module's API")
                        .allowEmptyShould(true),
                CONTROLLERS_WITH_SQL_NOT_YET_MOVED);
    }

    /**
     * Spring's synchronous {@code @EventListener} joins the publisher's transaction without saying so. Other modules'
     * events are handled with {@code @ApplicationModuleListener} (after commit) or, where the work must commit with
     * the booking, through the booking SPI. Framework events (application ready, sign-in) are fine.
     */
    @Test
    void synchronousListenersHandleOnlyTheirOwnModulesOrTheFrameworksEvents() {
        checkAllowing(
                methods()
                        .that()
                        .areAnnotatedWith(EventListener.class)
                        .should(handleOnlyOwnModuleOrFrameworkEvents())
                        .because("another module's event is handled by @ApplicationModuleListener or the booking SPI")
                        .allowEmptyShould(true),
                CROSS_MODULE_LISTENERS_NOT_YET_MOVED);
    }

    @Test
    void beansGetTheirCollaboratorsThroughTheConstructor() {
        noFields()
                .should()
                .beAnnotatedWith(Autowired.class)
                .orShould()
                .beAnnotatedWith("jakarta.inject.Inject")
                .because("constructor injection of final fields: the dependencies are visible and tests pass them in")
                .check(MAIN);
    }

    @Test
    void controllersUseOnlyTheApiOfOtherModules() {
        classes()
                .that()
                .areMetaAnnotatedWith(Controller.class)
                .should(useNoInternalPackageOfAnotherModule())
                .check(MAIN);
    }

    /** Checks {@code rule} on every class but the named ones, and that each named class still breaks it. */
    private static void checkAllowing(ArchRule rule, Set<String> notYetFixed) {
        rule.check(MAIN.that(not(named(notYetFixed))));
        List<String> fixed = notYetFixed.stream()
                .filter(name -> !rule.evaluate(MAIN.that(named(Set.of(name)))).hasViolation())
                .sorted()
                .toList();
        assertThat(fixed)
                .as("fixed, moved or gone: remove them from the allow-list")
                .isEmpty();
    }

    private static ArchCondition<JavaMethod> handleOnlyOwnModuleOrFrameworkEvents() {
        return new ArchCondition<>("handle only events of their own module or of the framework") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Optional<String> own = module(method.getOwner());
                eventTypes(method)
                        .filter(event ->
                                module(event).isPresent() && !module(event).equals(own))
                        .forEach(event -> events.add(SimpleConditionEvent.violated(
                                method,
                                "%s in %s handles %s of %s"
                                        .formatted(
                                                method.getFullName(),
                                                own.orElse(BASE),
                                                event.getSimpleName(),
                                                module(event).orElseThrow()))));
            }
        };
    }

    /** The parameter type, or the classes named in {@code @EventListener(...)} when it has none. */
    private static Stream<JavaClass> eventTypes(JavaMethod method) {
        var annotation = method.getAnnotationOfType(EventListener.class.getName());
        Stream<JavaClass> declared = Stream.of("value", "classes")
                .flatMap(name -> annotation.get(name).stream())
                .flatMap(value -> Arrays.stream((Object[]) value))
                .map(JavaClass.class::cast);
        return Stream.concat(method.getRawParameterTypes().stream(), declared).distinct();
    }

    private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherModule() {
        return new ArchCondition<>("use no internal package of another module") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                Optional<String> own = module(controller);
                controller.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> {
                            JavaClass target = dependency.getTargetClass();
                            return module(target).isPresent()
                                    && !module(target).equals(own)
                                    && !target.getPackageName()
                                            .equals(BASE + "." + module(target).orElseThrow())
                                    && !namedInterface(target);
                        })
                        .forEach(dependency ->
                                events.add(SimpleConditionEvent.violated(controller, dependency.getDescription())));
            }
        };
    }

    /**
     * Whether a type of a sub-package is published as a Spring Modulith named interface, by itself or by its package
     * (as {@code booking.spi}), or nested in such a type; {@code ModularityTests} checks who may use those.
     */
    private static boolean namedInterface(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isAnnotatedWith(NamedInterface.class)
                || type.getPackage().isAnnotatedWith(NamedInterface.class);
    }

    /** The top-level module a class belongs to ({@code booking} for {@code clinic.relief.booking.spi.X}). */
    private static Optional<String> module(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE + ".")) {
            return Optional.empty();
        }
        return Optional.of(name.substring(BASE.length() + 1).split("\\.")[0]);
    }

    private static DescribedPredicate<JavaClass> named(Set<String> names) {
        return belongTo(
                DescribedPredicate.describe("one of " + names, (JavaClass type) -> names.contains(type.getName())));
    }
}
