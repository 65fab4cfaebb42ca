package clinic.relief.demo;

import java.time.Clock;
import java.time.Instant;

import clinic.relief.shared.TravellingClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** While the demo's clock is in the past writing its history, no page shows that past as today. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
// The same configuration as DemoHistoryTests, so both share one application context.
@TestPropertySource(properties = {"relief.demo.history.enabled=true", "relief.demo.history.days=21"})
class HistoryInProgressTests {

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void pagesAnswerStartingUpWhileTheClockIsAwayAndOpenWhenItIsHome() throws Exception {
        TravellingClock travelling = (TravellingClock) clock;
        try {
            travelling.travelTo(Instant.parse("2026-06-15T15:00:00Z"));
            mvc.perform(get("/?lang=en"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", HistoryInProgress.RETRY_AFTER_SECONDS));
            mvc.perform(get("/book?lang=es")).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/css/site.css")).andExpect(status().isOk());
        } finally {
            travelling.returnHome();
        }
        mvc.perform(get("/?lang=en")).andExpect(status().isOk());
    }
}
