package clinic.relief.clinic;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAreaTests {

    private final ServiceArea area = new ServiceArea(profile());

    @ParameterizedTest
    @CsvSource({
        "90266, Manhattan Beach",
        "90266-0001, Manhattan Beach",
        "' 90254 ', Hermosa Beach",
        "torrance, Torrance",
        "PLAYA DEL REY, Playa Del Rey",
        "playa-del-rey, Playa Del Rey",
    })
    void servesListedZipsAndCities(String query, String city) {
        ServiceArea.Answer answer = area.check(query);

        assertThat(answer.served()).isTrue();
        assertThat(answer.city()).isEqualTo(city);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "Boston", "<script>x</script>"})
    void doesNotServeWhatIsNotListed(String query) {
        assertThat(area.check(query).outcome()).isEqualTo(ServiceArea.Outcome.NOT_SERVED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "9026", "902666", "12ab", "9O266"})
    void rejectsWhatIsNeitherAZipNorACity(String query) {
        assertThat(area.check(query).outcome()).isEqualTo(ServiceArea.Outcome.INVALID);
    }

    @ParameterizedTest
    @ValueSource(ints = {81, 10_000})
    void rejectsAnAbsurdlyLongQuery(int length) {
        assertThat(area.check("a".repeat(length)).outcome()).isEqualTo(ServiceArea.Outcome.INVALID);
    }

    static ClinicProfile profile() {
        return ClinicProfile.of(new ClinicProfileFile(
                "Test Clinic",
                "Test",
                null,
                "+13105550100",
                "(310) 555-0100",
                null,
                new ClinicProfile.Address("1 Main St", "Torrance", "CA", "90501", "US"),
                ZoneId.of("America/Los_Angeles"),
                List.of(Locale.ENGLISH),
                List.of(new ClinicProfile.OpeningHours(
                        Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                new ClinicProfile.Insurance(List.of("PPO"), true, false),
                List.of(
                        new ClinicProfile.ServiceAreaCity("Manhattan Beach", List.of("90266")),
                        new ClinicProfile.ServiceAreaCity("Hermosa Beach", List.of("90254")),
                        new ClinicProfile.ServiceAreaCity("Torrance", List.of("90501")),
                        new ClinicProfile.ServiceAreaCity("Playa Del Rey", List.of("90293"))),
                List.of(new ClinicProfile.Service(
                        "swedish", false, Map.of("en", "Swedish"), Map.of(), Map.of(60, new BigDecimal("90.00")))),
                false,
                null));
    }
}
