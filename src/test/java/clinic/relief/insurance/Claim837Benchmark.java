package clinic.relief.insurance;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.imsweb.x12.reader.X12Reader;
import org.junit.jupiter.api.Test;

/**
 * An 837P batch of 1,000 claims written by {@link Claim837Writer} and read back by x12-parser's X222A1 layout,
 * end to end, 3 warm-up rounds then 15 measured; prints the median, fastest and slowest round. A benchmark, not a
 * test: surefire does not pick it up by name, and nothing is asserted about time. Run it with
 * {@code ./mvnw -q test -Dtest=Claim837Benchmark -Dsurefire.failIfNoSpecifiedTests=false} (see docs/benchmarks.md).
 */
class Claim837Benchmark {

    private static final int CLAIMS = 1_000;

    @Test
    void writesAndReadsBackABatchOfAThousandClaims() throws Exception {
        List<ClaimPacket> batch = ClaimPackets.batch(CLAIMS);
        Claim837Writer writer = new Claim837Writer(ClaimPackets.BILLING, "+13105550142");
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
        List<Long> writeNanos = new ArrayList<>();
        List<Long> totalNanos = new ArrayList<>();
        int bytes = 0;
        for (int round = 0; round < 18; round++) {
            long start = System.nanoTime();
            String x12 = writer.write(batch, round + 1, at, false);
            long written = System.nanoTime();
            X12Reader reader = new X12Reader(X12Reader.FileType.ANSI837_5010_X222, new StringReader(x12));
            int claims = reader.getLoops().get(0).findLoop("2300").size();
            long end = System.nanoTime();
            if (claims != CLAIMS || !reader.getErrors().isEmpty()) {
                throw new IllegalStateException("Read back " + claims + " claims, errors " + reader.getErrors());
            }
            bytes = x12.length();
            if (round >= 3) {
                writeNanos.add(written - start);
                totalNanos.add(end - start);
            }
        }
        System.out.println("rounds (ms, in order): "
                + totalNanos.stream().map(n -> String.valueOf(n / 1_000_000)).toList() + "; load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        Collections.sort(writeNanos);
        Collections.sort(totalNanos);
        System.out.printf(
                "837P batch of %d claims (%d KB): write median %.1f ms; write + read back median %.1f ms"
                        + " (fastest %.1f ms, slowest %.1f ms, %d rounds)%n",
                CLAIMS,
                bytes / 1024,
                writeNanos.get(writeNanos.size() / 2) / 1e6,
                totalNanos.get(totalNanos.size() / 2) / 1e6,
                totalNanos.get(0) / 1e6,
                totalNanos.get(totalNanos.size() - 1) / 1e6,
                totalNanos.size());
    }
}
