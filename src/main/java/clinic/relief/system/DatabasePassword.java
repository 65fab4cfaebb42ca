package clinic.relief.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password, kept in {@code <data folder>/db-password} so that an administrator
 * and scripts can find it ({@code PGPASSWORD=$(cat data/db-password) psql -h localhost -p <port> -U postgres}).
 * Generated at the first start: 32 random bytes from {@link SecureRandom}, URL-safe Base64 without padding (43
 * characters, nothing that needs quoting). The file is created readable and writable by its owner only, before any
 * byte is written, on file systems that know POSIX permissions.
 */
final class DatabasePassword {

    static final String FILE_NAME = "db-password";

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabasePassword() {}

    /** The password in the data folder's file, written there first if the file does not exist. */
    static String readOrCreate(Path dataDir) throws IOException {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                Files.write(
                        Files.createFile(file, ownerOnly(file)),
                        password.getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException startedAtTheSameTime) {
                // Another start wrote it first: use that one.
            }
        }
        restrictToOwner(file);
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.length() < 16) {
            throw new IllegalStateException(file + " holds no usable database password (16 characters or more)");
        }
        return password;
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Owner-only permissions for a file this class or PostgreSQL's configuration keeps secrets in. */
    static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return posix(file.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
