package clinic.relief.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests take "now" from the application's {@code Clock} (which the test profile starts at a fixed instant) or from
 * a clock of their own, never from the machine: a test that reads the machine's date passes on some days and fails
 * on others. Measuring elapsed time with {@code System.nanoTime()} is fine.
 */
class NoMachineDateTests {

    private static final Path TESTS = Path.of("src/test/java");

    private static final List<Pattern> MACHINE_TIME = List.of(
            // Java: the no-argument or zone-only now() of every java.time type, and the system clocks.
            Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime"
                    + "|Year|YearMonth|MonthDay)\\.now\\("),
            Pattern.compile("\\bClock\\.system\\w*\\("),
            Pattern.compile("\\bSystem\\.currentTimeMillis\\("),
            // SQL inside tests: the database's own time is not the application's once the clock is fixed.
            Pattern.compile("(?i)(?<![\\w.])now\\s*\\("),
            Pattern.compile("(?i)\\b(current_timestamp|current_date|current_time|localtimestamp|clock_timestamp"
                    + "|statement_timestamp|transaction_timestamp)\\b"));

    @Test
    void noTestReadsTheMachinesDate() throws IOException {
        assertThat(TESTS).isDirectory();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    // This file spells the patterns out.
                    .filter(file -> !file.endsWith("NoMachineDateTests.java"))
                    .forEach(file -> offences.addAll(offences(file)));
        }
        assertThat(offences).as("inject the Clock or bind :now from it instead").isEmpty();
    }

    private static List<String> offences(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (MACHINE_TIME.stream()
                        .anyMatch(pattern -> pattern.matcher(line).find())) {
                    found.add(TESTS.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
