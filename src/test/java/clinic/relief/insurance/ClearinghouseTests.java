package clinic.relief.insurance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The clearinghouse round trip against a real SFTP server (Apache MINA SSHD) on the loopback. */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class ClearinghouseTests {

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

    @Autowired
    ClaimFiles claimFiles;

    @Autowired
    Remittances remittances;

    @Autowired
    Acknowledgments acknowledgments;

    @Autowired
    X12FileStore log;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppointmentBook book;

    @Autowired
    Clock clock;

    @Autowired
    Eligibility eligibility;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path root;

    SshServer server;
    String fingerprint;
    Claim a;
    Claim b;

    /** The files the SFTP server opened, by name. */
    final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void sftpServerAndTwoReadyClaims() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(root.resolve("host.key"));
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator(
                (user, password, session) -> user.equals("relief") && password.equals("s3cret"));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void opening(ServerSession session, String remoteHandle, Handle localHandle) {
                opened.add(localHandle.getFile().getFileName().toString());
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        Path home = Files.createDirectories(root.resolve("home"));
        Files.createDirectories(home.resolve("outbound"));
        Files.createDirectories(home.resolve("inbound/done"));
        server.setFileSystemFactory(new VirtualFileSystemFactory(home));
        server.start();
        fingerprint =
                KeyUtils.getFingerPrint(keys.loadKeys(null).iterator().next().getPublic());

        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        UUID therapist = fixture.therapist();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(20)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(20)));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(4), 10));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(3), 10));
        claimFiles.submitReady(); // leaves no other test's ready claim behind
        desk.ofPatient(patient).forEach(c -> desk.markReady(c.id()));
        var claims = desk.ofPatient(patient);
        b = claims.get(0);
        a = claims.get(1);
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(true);
    }

    Clearinghouse clearinghouse(int port, String password) {
        return new Clearinghouse(
                new ClearinghouseSettings(
                        "127.0.0.1",
                        port,
                        "relief",
                        password,
                        "",
                        fingerprint,
                        "outbound",
                        "inbound",
                        "inbound/done",
                        Duration.ofMinutes(15),
                        Duration.ofSeconds(5)),
                claimFiles,
                remittances,
                acknowledgments,
                eligibility,
                log,
                clock,
                transactions);
    }

    String example(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/insurance/x12/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{A}", a.claimId())
                    .replace("{B}", b.claimId())
                    .replace("TRN*1*", "TRN*1*" + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    @Test
    void uploadsA270OnDemandAndImportsThe271ThePollFinds() throws IOException {
        Clearinghouse sftp = clearinghouse(server.getPort(), "s3cret");
        UUID patient = insurance
                .ofPatient(desk.get(a.id()).facts().patientId())
                .patient()
                .id();
        Coverage coverage = insurance.ofPatient(patient).coverages().get(0).coverage();
        Eligibility.Request request = eligibility.request(coverage.id(), X12File.Source.SFTP);

        assertThat(sftp.uploadEligibility(request.name(), request.content())).isTrue();
        assertThat(Files.readString(root.resolve("home/outbound").resolve(request.name())))
                .contains("ST*270*", "TRN*1*" + request.trace());

        Files.writeString(
                root.resolve("home/inbound/4-answer.271"),
                EligibilityTests.example("271-active.txt", request.trace(), coverage.memberId()));
        Files.writeString(
                root.resolve("home/inbound/5-unknown.271"),
                EligibilityTests.example("271-unknown-member.txt", request.trace(), coverage.memberId()));

        var polled = sftp.poll();

        assertThat(polled.imported()).isEqualTo(1);
        assertThat(polled.refused()).isEqualTo(1);
        assertThat(insurance.ofPatient(patient).coverages().get(0).coverage().visitsAllowed())
                .isEqualTo(VisitLimit.limited(20));
        assertThat(root.resolve("home/inbound/done/5-unknown.271")).exists();
        assertThat(log.recent(2)).extracting(X12File::problem).contains("eligibility.rejected", "");
    }

    @Test
    void uploadsTheReadyClaimsAndImportsTheAcknowledgmentsAndRemittancesWaitingThere() throws IOException {
        Clearinghouse sftp = clearinghouse(server.getPort(), "s3cret");

        String sent = sftp.uploadReady().orElseThrow();

        Path uploaded = root.resolve("home/outbound").resolve(sent);
        assertThat(opened)
                .as("written under a .part name and renamed whole: never opened under the name the clearinghouse takes")
                .contains(sent + ".part")
                .doesNotContain(sent);
        assertThat(root.resolve("home/outbound").resolve(sent + ".part")).doesNotExist();
        assertThat(Files.readString(uploaded)).contains("CLM*" + a.claimId(), "CLM*" + b.claimId());
        assertThat(X12SituationalRules.broken(Files.readString(uploaded))).isEmpty();
        IndependentX12Reader.assertParses(Files.readString(uploaded));
        assertThat(desk.get(a.id()).state()).isEqualTo(ClaimState.SUBMITTED);

        Files.writeString(root.resolve("home/inbound/1-a.277"), example("277CA-accepted.txt"));
        Files.writeString(root.resolve("home/inbound/2-era.835"), example("835-payer-mix.txt"));
        Files.writeString(root.resolve("home/inbound/3-junk.835"), "not an 835");

        var polled = sftp.poll();

        assertThat(polled.imported()).isEqualTo(2);
        assertThat(polled.refused()).isEqualTo(1);
        assertThat(desk.get(a.id()).acknowledgment()).isEqualTo("ACCEPTED_277CA");
        assertThat(desk.get(b.id()).state()).isEqualTo(ClaimState.PAID);
        assertThat(root.resolve("home/inbound/done/2-era.835")).exists();
        assertThat(root.resolve("home/inbound/2-era.835")).doesNotExist();
        assertThat(log.recent(4))
                .extracting(X12File::name, X12File::outcome)
                .contains(
                        tuple("3-junk.835", X12File.Outcome.REFUSED),
                        tuple("2-era.835", X12File.Outcome.POSTED),
                        tuple(sent, X12File.Outcome.SENT));
    }

    @Test
    void aServerThatRefusesTheSignInOrCannotBeReachedIsAClearFailureAndNothingIsSubmitted() throws IOException {
        assertThatThrownBy(() -> clearinghouse(server.getPort(), "wrong").uploadReady())
                .isInstanceOfSatisfying(
                        Clearinghouse.Failure.class, f -> assertThat(f.reason()).isEqualTo("refused"));
        int port = server.getPort();
        server.stop(true);
        assertThatThrownBy(() -> clearinghouse(port, "s3cret").poll())
                .isInstanceOfSatisfying(
                        Clearinghouse.Failure.class, f -> assertThat(f.reason()).isEqualTo("unreachable"));
        assertThat(desk.get(a.id()).state()).isEqualTo(ClaimState.READY);
    }
}
