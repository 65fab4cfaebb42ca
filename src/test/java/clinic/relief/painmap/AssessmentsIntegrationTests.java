package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ReliefTest
class AssessmentsIntegrationTests {

    @Autowired
    Assessments assessments;

    @Test
    void everyAssessmentSavedAtOnceByManyCallersCanBeReadBackAsSaved() throws Exception {
        Random random = new Random(20261125);
        List<PainQuery> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            queries.add(PainMapFixtures.randomQuery(random));
        }
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<SavedAssessment>> saving = new ArrayList<>();
            for (PainQuery query : queries) {
                saving.add(callers.submit(() -> assessments.assess(query)));
            }
            for (int i = 0; i < saving.size(); i++) {
                SavedAssessment saved = saving.get(i).get(30, TimeUnit.SECONDS);
                // Readable the moment assess returns: the writer has committed it, not merely queued it.
                SavedAssessment read = assessments.find(saved.id()).orElseThrow();
                assertThat(read.query()).isEqualTo(queries.get(i));
                assertThat(read.result()).isEqualTo(saved.result());
                assertThat(read.createdAt()).isEqualTo(saved.createdAt());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
