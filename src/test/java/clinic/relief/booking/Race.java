package clinic.relief.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs many calls released at the same moment, one thread each; each outcome is the result or the exception. */
final class Race {

    private Race() {}

    static List<Object> run(int count, IntFunction<Callable<Object>> calls) throws Exception {
        List<Callable<Object>> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prepared.add(calls.apply(i));
        }
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            for (Callable<Object> call : prepared) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            gate.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
