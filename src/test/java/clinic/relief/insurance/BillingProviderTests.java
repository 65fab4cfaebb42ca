package clinic.relief.insurance;

import java.util.Map;

import clinic.relief.clinic.ClinicProfile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clinic profile's billing section at start-up: the placeholder EIN, the billing provider's ZIP+4, street and
 * taxonomy as the 837P's loop 2010AA needs them, per-therapist NPIs keyed by e-mail.
 */
class BillingProviderTests {

    static ClinicProfile.Billing withTaxId(String taxId) {
        ClinicProfile.Billing b = ClaimPackets.BILLING;
        return new ClinicProfile.Billing(
                b.legalName(),
                b.npi(),
                taxId,
                b.taxonomy(),
                b.address(),
                b.contactName(),
                b.submitterId(),
                b.receiverName(),
                b.receiverId(),
                b.massageWithManualTherapy(),
                b.serviceCodes(),
                b.renderingProviders(),
                b.formName());
    }

    @Test
    void refusesThePlaceholderEinInProductionButNotInTheDemoOrTheTests() {
        ClinicProfile.Billing placeholder = withTaxId("00-0000000");

        assertThatThrownBy(() -> BillingProvider.checkTaxId(placeholder, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relief.clinic.billing.tax-id");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> BillingProvider.checkTaxId(placeholder, production))
                .isInstanceOf(IllegalStateException.class);
        for (String profile : new String[] {"demo", "test"}) {
            MockEnvironment env = new MockEnvironment();
            env.setActiveProfiles(profile);
            assertThatCode(() -> BillingProvider.checkTaxId(placeholder, env)).doesNotThrowAnyException();
        }
        assertThatCode(() -> BillingProvider.checkTaxId(withTaxId("95-1234567"), new MockEnvironment()))
                .doesNotThrowAnyException();
    }

    static ClinicProfile.Billing at(String street, String zip, String taxonomy) {
        ClinicProfile.Billing b = ClaimPackets.BILLING;
        return new ClinicProfile.Billing(
                b.legalName(),
                b.npi(),
                b.taxId(),
                taxonomy,
                new ClinicProfile.Address(street, "Redondo Beach", "CA", zip, "US"),
                b.contactName(),
                b.submitterId(),
                b.receiverName(),
                b.receiverId(),
                b.massageWithManualTherapy(),
                b.serviceCodes(),
                b.renderingProviders(),
                b.formName());
    }

    @Test
    void refusesABillingAddressWithoutZipPlusFourOrAtAPostOfficeBoxAndATaxonomyThatIsNotOne() {
        assertThatCode(() -> BillingProvider.checkAddressAndTaxonomy(ClaimPackets.BILLING))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        BillingProvider.checkAddressAndTaxonomy(at("1200 Example Avenue", "90277-1234", "225700000X")))
                .doesNotThrowAnyException();
        assertThatCode(() -> BillingProvider.checkAddressAndTaxonomy(at("1 Boxwood Lane", "902771234", "225700000X")))
                .doesNotThrowAnyException();

        assertThatThrownBy(
                        () -> BillingProvider.checkAddressAndTaxonomy(at("1200 Example Avenue", "90277", "225700000X")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relief.clinic.billing.address.postal-code")
                .hasMessageContaining("ZIP+4");
        for (String box : new String[] {"PO Box 1200", "P.O. Box 12", "Post Office Box 7", "Lockbox 4410"}) {
            assertThatThrownBy(() -> BillingProvider.checkAddressAndTaxonomy(at(box, "902771234", "225700000X")))
                    .as(box)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("relief.clinic.billing.address.street");
        }
        assertThatThrownBy(() ->
                        BillingProvider.checkAddressAndTaxonomy(at("1200 Example Avenue", "902771234", "massage")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relief.clinic.billing.taxonomy");
    }

    static ClinicProfile.Billing named(String legalName, String formName) {
        ClinicProfile.Billing b = ClaimPackets.BILLING;
        return new ClinicProfile.Billing(
                legalName,
                b.npi(),
                b.taxId(),
                b.taxonomy(),
                b.address(),
                b.contactName(),
                b.submitterId(),
                b.receiverName(),
                b.receiverId(),
                b.massageWithManualTherapy(),
                b.serviceCodes(),
                b.renderingProviders(),
                formName);
    }

    @Test
    void refusesALegalNameTheCms1500WouldCutUntilAFormNameThatFitsIsGiven() {
        assertThatCode(() -> BillingProvider.checkNames(named("Redondo Beach Massages, Inc.", null)))
                .as("26 columns once the punctuation the form drops is gone")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BillingProvider.checkNames(named("Massage Revolution Wellness", null)))
                .as("27: fits box 33 but not box 32")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "relief.clinic.billing.legal-name: MASSAGE REVOLUTION WELLNESS has 27 characters");
        assertThatThrownBy(() -> BillingProvider.checkNames(named("Massage Revolution Therapeutic Massage LLC", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relief.clinic.billing.legal-name")
                .hasMessageContaining("has 42 characters")
                .hasMessageContaining("Set relief.clinic.billing.form-name")
                .hasMessageContaining("the 837P keeps the legal name");
        assertThatCode(() -> BillingProvider.checkNames(
                        named("Massage Revolution Therapeutic Massage LLC", " Massage Revolution LLC ")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BillingProvider.checkNames(
                        named("Massage Revolution Therapeutic Massage LLC", "Massage Revolution Therapeutic")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relief.clinic.billing.form-name: MASSAGE REVOLUTION THERAPEUTIC has 30");
    }

    @Test
    void refusesALegalNameLongerThanThe837pBillingProviderNameHolds() {
        String sixtyOne = "Massage Revolution Therapeutic and Sport Massage of Redondo B";
        assertThat(sixtyOne).hasSize(61);

        assertThatThrownBy(() -> BillingProvider.checkNames(named(sixtyOne, "Massage Revolution LLC")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relief.clinic.billing.legal-name")
                .hasMessageContaining("NM103");
        assertThatCode(() -> BillingProvider.checkNames(named(sixtyOne.substring(0, 60), "Massage Revolution LLC")))
                .doesNotThrowAnyException();
    }

    @Test
    void findsATherapistsNpiUnderTheirEmailAsSpringBindsTheProfileMap() {
        Map<String, String> yaml = Map.of(
                "rendering-providers.maria@clinic.example", "1679576722",
                "rendering-providers.[james@clinic.example]", "1234567893");
        Map<String, String> bound = new Binder(new MapConfigurationPropertySource(yaml))
                .bind("rendering-providers", Bindable.mapOf(String.class, String.class))
                .get();

        assertThat(BillingProvider.npiFor(bound, "Maria@Clinic.example"))
                .hasValueSatisfying(npi -> assertThat(npi.value()).isEqualTo("1679576722"));
        assertThat(BillingProvider.npiFor(bound, "james@clinic.example"))
                .hasValueSatisfying(npi -> assertThat(npi.value()).isEqualTo("1234567893"));
        assertThat(BillingProvider.npiFor(bound, "ana@clinic.example")).isEmpty();
    }
}
