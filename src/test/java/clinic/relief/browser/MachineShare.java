package clinic.relief.browser;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who may use the machine while a browser test class runs. Failsafe may run the browser classes in two JVMs at once
 * ({@code -Dbrowser.forks=2}, pom.xml); most classes share the machine, but one that measures it (Lighthouse's
 * scores) must run alone. Two file locks under {@code target/} do it across the JVMs: a class that shares holds a
 * shared lock on the room for its whole run; a class that must be alone holds the room exclusively. Entering passes
 * a turnstile first, which the lone class holds while it waits, so the other JVM's next class cannot keep the room
 * taken. One instance per class, entered in {@code @BeforeAll}, closed in {@code @AfterAll}.
 */
final class MachineShare implements AutoCloseable {

    private static final Path FOLDER = Path.of("target", "browser-tests");

    private final FileChannel turnstile;
    private final FileChannel room;
    private final FileLock gate;
    private final FileLock roomLock;

    private MachineShare(boolean alone) throws IOException {
        Files.createDirectories(FOLDER);
        turnstile = open("turnstile.lock");
        room = open("room.lock");
        gate = turnstile.lock(0, Long.MAX_VALUE, !alone);
        roomLock = room.lock(0, Long.MAX_VALUE, !alone);
        if (!alone) {
            gate.release();
        }
    }

    /** Waits until this class may run beside the other JVM's class (only while no lone class runs or waits). */
    static MachineShare shared() throws IOException {
        return new MachineShare(false);
    }

    /** Waits until the other JVM's class has ended, and keeps its next class waiting until this one closes. */
    static MachineShare alone() throws IOException {
        return new MachineShare(true);
    }

    private static FileChannel open(String name) throws IOException {
        return FileChannel.open(
                FOLDER.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public void close() throws IOException {
        roomLock.release();
        gate.release(); // no effect when already released
        room.close();
        turnstile.close();
    }
}
