package clinic.relief.painmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AssessmentWriterTests {

    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void writesWhatQueuedDuringOneWriteAsTheNextBatch() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        try (AssessmentWriter writer = new AssessmentWriter(
                rows -> {
                    batchSizes.add(rows.size());
                    if (batchSizes.size() == 1) {
                        firstWriteStarted.countDown();
                        await(releaseFirstWrite);
                    }
                },
                100,
                50,
                10_000)) {
            Future<?> first = callers.submit(() -> writer.save(row()));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(callers.submit(() -> writer.save(row())));
            }
            awaitQueued(writer, 10);
            assertThat(first.isDone()).isFalse();
            releaseFirstWrite.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> each : waiting) {
                each.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(batchSizes).containsExactly(1, 10);
    }

    @Test
    void handsTheWritersFailureToEveryCallerOfThatBatch() {
        try (AssessmentWriter writer = new AssessmentWriter(
                rows -> {
                    throw new IllegalStateException("database gone");
                },
                10,
                10,
                10_000)) {
            assertThatExceptionOfType(IllegalStateException.class)
                    .isThrownBy(() -> writer.save(row()))
                    .withMessage("database gone");
        }
    }

    @Test
    void reportsBusyInsteadOfWaitingForeverWhenTheQueueIsFull() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AssessmentWriter writer = new AssessmentWriter(
                rows -> {
                    writing.countDown();
                    await(release);
                },
                1,
                1,
                10_000)) {
            Future<?> written = callers.submit(() -> writer.save(row()));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> queued = callers.submit(() -> writer.save(row()));
            awaitQueued(writer, 1);

            assertThatExceptionOfType(AssessmentsBusy.class).isThrownBy(() -> writer.save(row()));

            release.countDown();
            written.get(10, TimeUnit.SECONDS);
            queued.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void reportsBusyWhenAWriteTakesLongerThanACallerMayWait() {
        CountDownLatch release = new CountDownLatch(1);
        try (AssessmentWriter writer = new AssessmentWriter(rows -> await(release), 10, 10, 50)) {
            assertThatExceptionOfType(AssessmentsBusy.class).isThrownBy(() -> writer.save(row()));
            release.countDown();
        }
    }

    private static void awaitQueued(AssessmentWriter writer, int rows) throws InterruptedException {
        for (int attempt = 0; attempt < 1000 && writer.queued() < rows; attempt++) {
            Thread.sleep(10);
        }
        assertThat(writer.queued()).isEqualTo(rows);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static AssessmentRow row() {
        return new AssessmentRow(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), "e", "kb", "{}", "{}");
    }
}
