package clinic.relief.insurance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Has every 837P a test produces read by a parser this project did not write: the npm package {@code node-x12} in
 * strict mode, run by {@code node src/test/x12-reader/read.js} (installed there with {@code npm ci}; {@code .ci/run}
 * does it). Fails, never skips, when node or the package is missing.
 */
final class IndependentX12Reader {

    private static final Path READER = Path.of("src/test/x12-reader");

    private IndependentX12Reader() {}

    /** Fails unless node-x12 (strict) parses the interchange as 837P transaction sets; returns its summary line. */
    static String assertParses(String x12) {
        if (!Files.isDirectory(READER.resolve("node_modules/node-x12"))) {
            fail("node-x12 is not installed: run `npm ci` in " + READER.toAbsolutePath());
        }
        try {
            Path file = Files.createTempFile("relief-837p-", ".x12");
            try {
                Files.writeString(file, x12, StandardCharsets.US_ASCII);
                Process node = new ProcessBuilder(
                                "node", READER.resolve("read.js").toString(), file.toString())
                        .redirectErrorStream(true)
                        .start();
                String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!node.waitFor(60, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                    fail("node-x12 did not finish within a minute");
                }
                assertThat(node.exitValue())
                        .as("node-x12 (strict) read the 837P: %s", output)
                        .isZero();
                return output.strip();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            return fail("Could not run node (is Node.js installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while node-x12 read the 837P", e);
        }
    }
}
