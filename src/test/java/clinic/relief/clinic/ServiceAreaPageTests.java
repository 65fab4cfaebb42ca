package clinic.relief.clinic;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class ServiceAreaPageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void confirmsAServedZip() throws Exception {
        mvc.perform(get("/service-area").param("q", "90266").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Yes, we serve Manhattan Beach.")));
    }

    @Test
    void saysSoForAZipOutsideTheArea() throws Exception {
        mvc.perform(get("/service-area").param("q", "10001").param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Todavía no tenemos 10001 en nuestra zona.")));
    }

    @Test
    void asksAgainForSomethingThatIsNeitherZipNorCity() throws Exception {
        mvc.perform(get("/service-area").param("q", "9026").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Please enter a five-digit ZIP code"),
                                containsString("aria-invalid=\"true\""))));
    }

    @Test
    void escapesWhateverWasTyped() throws Exception {
        mvc.perform(get("/service-area")
                        .param("q", "<script>alert('x')</script>")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(not(containsString("<script>alert")), containsString("&lt;script&gt;"))));
    }
}
