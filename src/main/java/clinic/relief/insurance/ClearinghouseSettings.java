package clinic.relief.insurance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clearinghouse's SFTP server ({@code relief.clearinghouse.sftp.*}); the connection is off while {@code host} is
 * empty. Sign-in with {@code password} or the private key file at {@code private-key}; the server must present the
 * host key whose SHA-256 fingerprint is {@code host-key-fingerprint} ("SHA256:..."), so a server that is not the
 * clearinghouse's is never sent a claim. 837 batches go to {@code upload-folder}; 999, 277CA and 835 files are read
 * from {@code download-folder} every {@code poll-every} and moved to {@code done-folder} once imported or refused.
 */
@ConfigurationProperties("relief.clearinghouse.sftp")
record ClearinghouseSettings(
        @DefaultValue("") String host,
        @DefaultValue("22") int port,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("") String privateKey,
        @DefaultValue("") String hostKeyFingerprint,
        @DefaultValue("outbound") String uploadFolder,
        @DefaultValue("inbound") String downloadFolder,
        @DefaultValue("inbound/done") String doneFolder,
        @DefaultValue("15m") Duration pollEvery,
        @DefaultValue("20s") Duration timeout) {

    boolean configured() {
        return !host.isBlank();
    }
}
