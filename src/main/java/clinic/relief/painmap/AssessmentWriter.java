package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for assessments: callers hand over a row and wait until it is written, while one writer thread
 * writes whatever has queued up meanwhile as a single statement. A lone request is written at once (no timer, no
 * added delay); under load, requests that arrive during one write share the next, so the database does one insert
 * and one commit for many rows instead of one each. Because every caller waits for its own row, a returned id can
 * be read back at once by any instance, exactly as with a plain insert.
 * <p>
 * Thread-safe. {@link #save} blocks for at most the configured wait; a full queue or an expired wait is reported
 * as {@link AssessmentsBusy} rather than holding request threads indefinitely.
 */
final class AssessmentWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssessmentWriter.class);

    private final BlockingQueue<Pending> queue;
    private final Consumer<List<AssessmentRow>> sink;
    private final int maxBatch;
    private final long waitMillis;
    private final Thread thread;
    private volatile boolean open = true;

    AssessmentWriter(Consumer<List<AssessmentRow>> sink, int capacity, int maxBatch, long waitMillis) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.waitMillis = waitMillis;
        this.thread = new Thread(this::run, "assessment-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Returns once the row is written; throws what the write threw, or {@link AssessmentsBusy}. */
    void save(AssessmentRow row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        if (!open || !queue.offer(pending)) {
            throw new AssessmentsBusy("The assessment queue is full or closed");
        }
        try {
            pending.written().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            throw new AssessmentsBusy("An assessment was not written within " + waitMillis + " ms");
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssessmentsBusy("Interrupted while an assessment was written");
        }
    }

    /** How many rows wait for the writer right now (for tests and monitoring). */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException interrupted) {
                open = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            sink.accept(batch.stream().map(Pending::row).toList());
            batch.forEach(pending -> pending.written().complete(null));
        } catch (RuntimeException failed) {
            log.error("Could not write {} assessments", batch.size(), failed);
            batch.forEach(pending -> pending.written().completeExceptionally(failed));
        }
    }

    /** Stops taking rows, writes those already queued, and waits for the writer thread to finish. */
    @Override
    public void close() {
        open = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(AssessmentRow row, CompletableFuture<Void> written) {}
}
