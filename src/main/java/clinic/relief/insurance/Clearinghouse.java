package clinic.relief.insurance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clearinghouse connection over SFTP (Apache MINA SSHD): uploads the 837P batch of every ready claim and, on demand, a coverage's 270, and polls
 * for 999, 277CA, 271 and 835 files, imports each (its outcome logged in the X12 file log, refused ones included) and moves
 * it to the done folder. Off while {@link ClearinghouseSettings#configured()} is false. A server that cannot be
 * reached, presents another host key or refuses the sign-in is a {@link Failure} with its reason, logged (no claim
 * data in the log).
 */
@Service
public class Clearinghouse {

    private static final Logger log = LoggerFactory.getLogger(Clearinghouse.class);

    private final ClearinghouseSettings settings;
    private final ClaimFiles claimFiles;
    private final Remittances remittances;
    private final Acknowledgments acknowledgments;
    private final Eligibility eligibility;
    private final X12FileStore files;
    private final Clock clock;
    private final TransactionTemplate sending;

    Clearinghouse(
            ClearinghouseSettings settings,
            ClaimFiles claimFiles,
            Remittances remittances,
            Acknowledgments acknowledgments,
            Eligibility eligibility,
            X12FileStore files,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.claimFiles = claimFiles;
        this.remittances = remittances;
        this.acknowledgments = acknowledgments;
        this.eligibility = eligibility;
        this.files = files;
        this.clock = clock;
        this.sending = new TransactionTemplate(transactions);
    }

    /** Why the clearinghouse could not be used: unreachable, hostKey (not the configured server), refused (sign-in). */
    public static class Failure extends RuntimeException {

        private final String reason;

        Failure(String reason, Throwable cause) {
            super("Clearinghouse SFTP " + reason, cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** What a poll did: the files imported and those refused (both logged and moved to the done folder). */
    public record Polled(int imported, int refused) {}

    /** Uploads the 837P of every ready claim (which are then submitted); empty when none is ready or it is off. */
    public Optional<String> uploadReady() {
        if (!settings.configured()) {
            return Optional.empty();
        }
        // The claims become submitted only if the upload succeeds: one transaction around both.
        return connected(sftp -> {
            try {
                return sending.execute(status -> upload(sftp));
            } catch (UncheckedIOException failed) {
                throw failed.getCause();
            }
        });
    }

    private Optional<String> upload(SftpClient sftp) {
        Optional<String> batch = claimFiles.submitReady();
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        String name = "claims-" + clock.millis() + ".837";
        try {
            writeWhole(sftp, name, batch.get());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        files.insert(
                new X12File.Received(X12File.Kind.CLAIMS_837, X12File.Source.SFTP, name, batch.get()),
                X12File.Outcome.SENT,
                "",
                "",
                clock.instant());
        return Optional.of(name);
    }

    /** Uploads a 270 to the clearinghouse's upload folder; false when the connection is off. */
    public boolean uploadEligibility(String name, String content) {
        if (!settings.configured()) {
            return false;
        }
        return connected(sftp -> {
            writeWhole(sftp, name, content);
            return true;
        });
    }

    /**
     * Writes a file to the upload folder under a {@code .part} name and renames it once complete, so that a
     * clearinghouse picking up files while the upload runs never takes half an 837P or 270.
     */
    private void writeWhole(SftpClient sftp, String name, String content) throws IOException {
        String part = settings.uploadFolder() + "/" + name + ".part";
        try (OutputStream out = sftp.write(part)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        sftp.rename(part, settings.uploadFolder() + "/" + name);
    }

    @Scheduled(
            fixedDelayString = "${relief.clearinghouse.sftp.poll-every:15m}",
            initialDelayString = "${relief.clearinghouse.sftp.poll-every:15m}")
    void scheduledPoll() {
        if (settings.configured()) {
            try {
                poll();
            } catch (Failure failure) {
                // already logged
            }
        }
    }

    /** Imports every file waiting in the download folder. */
    public Polled poll() {
        if (!settings.configured()) {
            return new Polled(0, 0);
        }
        return connected(sftp -> {
            List<String> names = new ArrayList<>();
            for (SftpClient.DirEntry entry : sftp.readDir(settings.downloadFolder())) {
                if (entry.getAttributes().isRegularFile()) {
                    names.add(entry.getFilename());
                }
            }
            int imported = 0;
            int refused = 0;
            for (String name : names.stream().sorted().toList()) {
                String path = settings.downloadFolder() + "/" + name;
                String content = read(sftp, path);
                if (importOne(name, content)) {
                    imported++;
                } else {
                    refused++;
                }
                sftp.rename(path, settings.doneFolder() + "/" + name);
            }
            return new Polled(imported, refused);
        });
    }

    private boolean importOne(String name, String content) {
        try {
            if (Eligibility.isEligibilityResponse(content)) {
                eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.SFTP, name, content));
            } else if (Acknowledgments.isAcknowledgment(content)) {
                acknowledgments.importFile(content, X12File.Source.SFTP, name);
            } else {
                remittances.importFile(
                        new X12File.Received(X12File.Kind.REMITTANCE_835, X12File.Source.SFTP, name, content));
            }
            return true;
        } catch (UnreadableRemittance | RemittanceRefused | EligibilityRefused refused) {
            log.warn(
                    "Clearinghouse file {} refused ({}); it is in the X12 file log",
                    name,
                    refused.getClass().getSimpleName());
            return false;
        }
    }

    private static String read(SftpClient sftp, String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private interface Work<T> {
        T run(SftpClient sftp) throws IOException;
    }

    private <T> T connected(Work<T> work) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(
                (session, address, key) -> settings.hostKeyFingerprint().equals(KeyUtils.getFingerPrint(key)));
        client.start();
        try {
            ClientSession session;
            try {
                session = client.connect(settings.user(), settings.host(), settings.port())
                        .verify(settings.timeout())
                        .getSession();
            } catch (IOException unreachable) {
                throw failure("unreachable", unreachable);
            }
            try (session) {
                signIn(session);
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    return work.run(sftp);
                }
            } catch (IOException | GeneralSecurityException io) {
                throw failure(session.getServerKey() == null ? "hostKey" : "transfer", io);
            }
        } finally {
            client.stop();
        }
    }

    private void signIn(ClientSession session) throws IOException, GeneralSecurityException {
        if (!settings.password().isEmpty()) {
            session.addPasswordIdentity(settings.password());
        }
        if (!settings.privateKey().isEmpty()) {
            try (InputStream key = Files.newInputStream(Path.of(settings.privateKey()))) {
                for (KeyPair pair : SecurityUtils.loadKeyPairIdentities(null, null, key, null)) {
                    session.addPublicKeyIdentity(pair);
                }
            }
        }
        try {
            session.auth().verify(settings.timeout());
        } catch (IOException refused) {
            throw failure(session.getServerKey() == null ? "hostKey" : "refused", refused);
        }
    }

    private Failure failure(String reason, Throwable cause) {
        log.warn("Clearinghouse SFTP {}:{} {}: {}", settings.host(), settings.port(), reason, cause.getMessage());
        return new Failure(reason, cause);
    }
}
