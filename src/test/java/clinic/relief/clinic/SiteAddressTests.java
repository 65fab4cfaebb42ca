package clinic.relief.clinic;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Absolute links come from the configured site address; production refuses to start without a public one. */
class SiteAddressTests {

    @Test
    void buildsAbsoluteLinksFromTheConfiguredAddress() {
        SiteAddress address = new SiteAddress("https://clinic.example.com/", new MockEnvironment());
        assertThat(address.base()).isEqualTo("https://clinic.example.com");
        assertThat(address.absolute("/blog/x")).isEqualTo("https://clinic.example.com/blog/x");
    }

    @Test
    void outsideProductionAnUnsetAddressIsTheLocalApp() {
        assertThat(new SiteAddress(" ", new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
    }

    @Test
    void productionRefusesToStartWithoutAPublicAddress() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> new SiteAddress("", production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RELIEF_SITE_URL");
        assertThatThrownBy(() -> new SiteAddress("http://localhost:8080", production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local address");
        assertThat(new SiteAddress("https://clinic.example.com", production).base())
                .isEqualTo("https://clinic.example.com");
    }

    @Test
    void refusesAnAddressThatIsNotAbsoluteHttp() {
        assertThatThrownBy(() -> new SiteAddress("clinic.example.com", new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SiteAddress("ftp://clinic.example.com", new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class);
    }
}
