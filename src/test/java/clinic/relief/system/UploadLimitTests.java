package clinic.relief.system;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File uploads over the multipart limits (5 MB a file, 6 MB a request), sent through the real servlet container the
 * way the desk's browser sends a remittance file: a clear 413, never a 500, and nothing stored. MockMvc cannot show
 * this, as it hands the controller the file without the container's parsing and limits. (Same context as
 * {@link ForwardedHeadersTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "relief.blog.min-form-seconds=0s")
class UploadLimitTests {

    private static final String PAGE = "/staff/insurance/remittances";
    private static final String FORM = "form[enctype='multipart/form-data']";
    private static final String PASSWORD = "upload limit password";
    private static final int ROUNDS = 3;

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRemittanceFileOverTheLimitsIsA413AndStoresNothing() throws Exception {
        Visitor desk = signedInDesk();
        int filesBefore = files();

        // A few times each: with too little of a refused upload read (max-swallow-size), the connection was often
        // closed while the client was still sending, and the answer lost (an IOException here).
        for (int i = 0; i < ROUNDS; i++) {
            HttpResponse<String> overFileLimit = desk.upload(PAGE, FORM, "file", file(5 * 1024 * 1024 + 512 * 1024));
            HttpResponse<String> overRequestLimit = desk.upload(PAGE, FORM, "file", file(7 * 1024 * 1024));

            assertThat(overFileLimit.statusCode()).isEqualTo(413);
            assertThat(overRequestLimit.statusCode()).isEqualTo(413);
            assertThat(overFileLimit.body()).contains("<html").doesNotContain("Exception");
        }
        assertThat(files()).isEqualTo(filesBefore);
        // The same desk, session and form still upload a small file: only the size was refused.
        HttpResponse<String> small = desk.upload(PAGE, FORM, "file", file(2_000));
        assertThat(small.statusCode()).isBetween(200, 499).isNotEqualTo(413);
    }

    private Visitor signedInDesk() throws Exception {
        String email = "upload-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(
                email, "Desk Upload", StaffRole.FRONT_DESK, PASSWORD, null, null, null, null, false));
        Visitor desk = new Visitor(port);
        HttpResponse<String> signIn = desk.submit(
                "/staff/login", "form[action$='/staff/login']", Map.of("email", email, "password", PASSWORD));
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));
        assertThat(desk.get(PAGE).statusCode()).isEqualTo(200);
        return desk;
    }

    /** Text that is no X12 file: a file the page would refuse as unreadable, were it small enough to be read. */
    private static byte[] file(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    private int files() {
        return jdbc.sql("select count(*) from insurance_x12_file")
                .query(Integer.class)
                .single();
    }
}
