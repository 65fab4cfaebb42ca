package clinic.relief.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Who may use the machine while a browser test class runs. Failsafe may run the browser classes in two JVMs at once
 * ({@code -Dbrowser.forks=2}, pom.xml); most classes share the machine, but one that measures it (Lighthouse's
 * scores) must run alone. Two file locks under {@code target/} do it across the JVMs: a class that shares holds a
 * shared lock on the room for its whole run; a class that must be alone holds the room exclusively. Entering passes
 * a turnstile first, which the lone class holds while it waits, so the other JVM's next class cannot keep the room
 * taken. One instance per class, entered by {@link Entry} before the class's test instance and its Spring context are
 * made (starting a context takes both cores for seconds), and closed by JUnit when the class has ended.
 */
final class MachineShare implements AutoCloseable {

    /** Marks a browser class that must run alone, as its figures depend on the machine's speed. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Alone {}

    /**
     * Enters the machine for a test class before its instance is made: with {@code PER_CLASS} instances that is before
     * Spring starts the class's context. The share is kept in the class's store, which JUnit closes when the class ends.
     */
    static final class Entry implements TestInstancePreConstructCallback {

        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
            Class<?> test = factory.getTestClass();
            context.getStore(ExtensionContext.Namespace.create(MachineShare.class))
                    .computeIfAbsent(test, Entry::enter, MachineShare.class);
        }

        private static MachineShare enter(Class<?> test) {
            try {
                return test.isAnnotationPresent(Alone.class) ? alone() : shared();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

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
