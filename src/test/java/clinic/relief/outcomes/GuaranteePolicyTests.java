package clinic.relief.outcomes;

import java.util.Map;

import clinic.relief.clinic.ClinicProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The guarantee's rule: pain after must fall at least 2 points below pain before; on only when both switches are. */
class GuaranteePolicyTests {

    @ParameterizedTest(name = "clinic {0}, policy {1}, pain {2} -> {3}: falls short {4}")
    @CsvSource({
        "true,  true,  6, 5, true",
        "true,  true,  6, 6, true",
        "true,  true,  3, 5, true",
        "true,  true,  6, 4, false",
        "true,  true,  9, 2, false",
        "true,  true,  0, 0, true",
        "false, true,  6, 6, false",
        "true,  false, 6, 6, false",
    })
    void fallsShortOnlyWhenReliefIsUnderTwoPointsAndTheGuaranteeIsOn(
            boolean clinicOffers, boolean enabled, int before, int after, boolean fallsShort) {
        ClinicProfile clinic = mock(ClinicProfile.class);
        when(clinic.reliefGuarantee()).thenReturn(clinicOffers);
        OutcomesSettings settings =
                new OutcomesSettings(null, new OutcomesSettings.Guarantee(enabled, 2, 14), Map.of(), null, 10);
        ReliefGuarantee guarantee = new ReliefGuarantee(settings, clinic, null, null, null, null, null);
        assertThat(guarantee.fallsShort(new Pain(before, after))).isEqualTo(fallsShort);
        assertThat(guarantee.fallsShort(new Pain(before, null))).isFalse();
    }
}
