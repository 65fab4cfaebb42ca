package clinic.relief.workspace.settings;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

import clinic.relief.ReliefTest;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import clinic.relief.staff.StaffRole;
import clinic.relief.workspace.WorkspaceFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner edits a therapist's public profile and photo from the settings: what patients then see on the booking
 * page, what bad input and a stale form get (a clear message, nothing changed), and that nobody else may.
 */
@ReliefTest
class TherapistSettingsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceFixture fixture;

    @Autowired
    Staff staff;

    private String owner;
    private UUID therapist;
    private String name;

    @BeforeEach
    void aListedTherapistAndAnOwner() {
        owner = fixture.staffMember(StaffRole.OWNER);
        name = "Profile Test " + UUID.randomUUID().toString().substring(0, 6);
        therapist = fixture.idOf(fixture.listedTherapist(name));
    }

    @Test
    void theOwnerEditsNameLanguagesSpecialtiesAndLicenseAndTheBookingPageShowsThem() throws Exception {
        mvc.perform(asOwner(get("/staff/settings/therapists/" + therapist + "?lang=en")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString("Korean"))));

        mvc.perform(save(0, name + " Edited", List.of("en", "ko"), "Jaw pain", "CAMTC", "99887", true))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/settings/therapists/" + therapist));

        StaffMember edited = staff.find(therapist).orElseThrow();
        assertThat(edited.displayName()).isEqualTo(name + " Edited");
        assertThat(edited.languages()).containsExactly("en", "ko");
        assertThat(edited.specialtiesEn()).isEqualTo("Jaw pain");
        assertThat(edited.licenseNumber()).isEqualTo("99887");
        assertThat(edited.profileVersion()).isEqualTo(1);
        mvc.perform(get("/book?lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name + " Edited"), containsString("Jaw pain"))));
        mvc.perform(asOwner(get("/staff/settings?lang=en")))
                .andExpect(content()
                        .string(allOf(
                                containsString(name + " Edited"),
                                containsString("English, Korean"),
                                containsString("href=\"/staff/settings/therapists/" + therapist + "\""))));
    }

    @Test
    void badInputGetsAMessageBesideEachFieldAndChangesNothing() throws Exception {
        mvc.perform(save(0, " ", List.of(), "x".repeat(301), "", "", true))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("Fill this in."),
                                containsString("Tick at least one language."),
                                containsString("This is too long."),
                                containsString("Only a therapist with a license type and number can be shown"))));
        mvc.perform(save(0, name, List.of("english"), "", "CMT", "1", true).param("lang", "es"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Un idioma es un código de dos letras.")));

        StaffMember unchanged = staff.find(therapist).orElseThrow();
        assertThat(unchanged.displayName()).isEqualTo(name);
        assertThat(unchanged.profileVersion()).isZero();
    }

    @Test
    void aSecondOwnerSavingFromTheSameVersionIsToldItChangedSinceTheyLooked() throws Exception {
        mvc.perform(save(0, name + " First", List.of("en"), "", "CMT", "1", true))
                .andExpect(status().isFound());

        mvc.perform(save(0, name + " Second", List.of("es"), "", "CMT", "1", true))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("Someone else changed this profile since you opened it"),
                                containsString("value=\"" + name + " First\""))));
        assertThat(staff.find(therapist).orElseThrow().displayName()).isEqualTo(name + " First");
    }

    @ParameterizedTest
    @EnumSource(names = {"FRONT_DESK", "THERAPIST"})
    void onlyTheOwnerEditsProfilesAndPhotos(StaffRole role) throws Exception {
        String other = fixture.staffMember(role);
        mvc.perform(get("/staff/settings/therapists/" + therapist)
                        .with(user(other).roles(role.name())))
                .andExpect(status().isForbidden());
        mvc.perform(save(0, "Taken Over", List.of("en"), "", "CMT", "1", true)
                        .with(user(other).roles(role.name())))
                .andExpect(status().isForbidden());
        mvc.perform(upload(png(200, 200)).with(user(other).roles(role.name()))).andExpect(status().isForbidden());
        assertThat(staff.find(therapist).orElseThrow().displayName()).isEqualTo(name);
        assertThat(staff.find(therapist).orElseThrow().photoTag()).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/staff/settings/therapists/" + therapist)
                        .with(user(owner).roles("OWNER"))
                        .param("displayName", "No Token")
                        .param("languages", "en")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(staff.find(therapist).orElseThrow().displayName()).isEqualTo(name);
    }

    @Test
    void anIdThatIsNoTherapistIsNotFound() throws Exception {
        mvc.perform(asOwner(get("/staff/settings/therapists/" + UUID.randomUUID())))
                .andExpect(status().isNotFound());
        mvc.perform(asOwner(get("/staff/settings/therapists/" + fixture.idOf(owner))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUploadedPhotoIsShrunkServedPubliciallyWithAnEtagAndShownOnTheBookingPage() throws Exception {
        mvc.perform(upload(png(1000, 600)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/settings/therapists/" + therapist));

        StaffMember withPhoto = staff.find(therapist).orElseThrow();
        String url = withPhoto.photoUrl().orElseThrow();
        MvcResult served = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("ETag", "\"" + withPhoto.photoTag().orElseThrow() + "\""))
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn();
        BufferedImage stored =
                ImageIO.read(new ByteArrayInputStream(served.getResponse().getContentAsByteArray()));
        assertThat(stored.getWidth()).isEqualTo(800);
        assertThat(stored.getHeight()).isEqualTo(480);
        mvc.perform(get("/therapists/" + therapist + "/photo")
                        .header("If-None-Match", "\"" + withPhoto.photoTag().orElseThrow() + "\""))
                .andExpect(status().isNotModified());
        mvc.perform(get("/book?lang=en")).andExpect(content().string(containsString(url.replace("&", "&amp;"))));
        mvc.perform(get("/therapists?lang=en")).andExpect(content().string(containsString(url)));
    }

    @Test
    void aPhotoOfAnUnlistedTherapistIsTheOwnersOnlyAndCanBeRemoved() throws Exception {
        mvc.perform(upload(png(200, 200))).andExpect(status().isFound());
        mvc.perform(save(0, name, List.of("en"), "", "CMT", "1", false)).andExpect(status().isFound());

        mvc.perform(get("/therapists/" + therapist + "/photo")).andExpect(status().isNotFound());
        mvc.perform(asOwner(get("/staff/settings/therapists/" + therapist + "/photo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("private")));

        mvc.perform(asOwner(post("/staff/settings/therapists/" + therapist + "/photo/remove"))
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(staff.find(therapist).orElseThrow().photoTag()).isEmpty();
        mvc.perform(asOwner(get("/staff/settings/therapists/" + therapist + "/photo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFileThatIsNoImageByItsContentIsRefusedWhateverItsName() throws Exception {
        MockMultipartFile fake =
                new MockMultipartFile("photo", "me.png", "image/png", "<svg onload=alert(1)></svg>".getBytes());
        mvc.perform(upload(fake).param("lang", "en"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(containsString("is not a JPEG, PNG or WebP image")));
        assertThat(staff.find(therapist).orElseThrow().photoTag()).isEmpty();
    }

    @Test
    void aPhotoOverTwoMegabytesIsTooLarge() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        byte[] start = png(100, 100).getBytes();
        System.arraycopy(start, 0, big, 0, start.length);
        mvc.perform(upload(new MockMultipartFile("photo", "big.png", "image/png", big))
                        .param("lang", "es"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().string(containsString("Esta foto pesa más de 2 MB")));
        assertThat(staff.find(therapist).orElseThrow().photoTag()).isEmpty();
    }

    @Test
    void aTinyADamagedOrAMissingPhotoIsRefusedWithItsReason() throws Exception {
        mvc.perform(upload(png(10, 10)).param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("64 to 4000 pixels")));
        byte[] whole = png(200, 200).getBytes();
        byte[] cut = Arrays.copyOf(whole, 60);
        mvc.perform(upload(new MockMultipartFile("photo", "cut.png", "image/png", cut))
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("damaged")));
        mvc.perform(asOwner(post("/staff/settings/therapists/" + therapist + "/photo"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(not(containsString("Photo saved"))));
        assertThat(staff.find(therapist).orElseThrow().photoTag()).isEmpty();
    }

    @Test
    void aWebpIsKeptAsUploadedOnceItsHeaderIsChecked() throws Exception {
        mvc.perform(upload(new MockMultipartFile("photo", "me.webp", "image/webp", webp(320, 240))))
                .andExpect(status().isFound());
        mvc.perform(get(staff.find(therapist).orElseThrow().photoUrl().orElseThrow()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/webp"));
    }

    private MockHttpServletRequestBuilder save(
            int version,
            String displayName,
            List<String> languages,
            String specialties,
            String licenseType,
            String licenseNumber,
            boolean listed) {
        MockHttpServletRequestBuilder post = asOwner(post("/staff/settings/therapists/" + therapist))
                .with(csrf())
                .param("version", String.valueOf(version))
                .param("displayName", displayName)
                .param("specialtiesEn", specialties)
                .param("licenseType", licenseType)
                .param("licenseNumber", licenseNumber)
                .param(
                        "_listed",
                        "on") // the checkbox's marker, which the page sends as browsers leave an unticked box out
                .param("_languages", "on");
        languages.forEach(l -> post.param("languages", l));
        return listed ? post.param("listed", "true") : post;
    }

    private MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder upload = multipart("/staff/settings/therapists/" + therapist + "/photo");
        upload.file(file).with(user(owner).roles("OWNER")).with(csrf());
        return upload;
    }

    private <T extends MockHttpServletRequestBuilder> T asOwner(T request) {
        request.with(user(owner).roles("OWNER"));
        return request;
    }

    static MockMultipartFile png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x * height / width, 0x2a8c8c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new MockMultipartFile("photo", "photo.png", "image/png", out.toByteArray());
    }

    /** A lossless WebP's RIFF container and VP8L header of the given size (the JDK has no WebP codec to make one). */
    static byte[] webp(int width, int height) {
        byte[] bytes = new byte[40];
        put(bytes, 0, "RIFF");
        le(bytes, 4, bytes.length - 8, 4);
        put(bytes, 8, "WEBPVP8L");
        le(bytes, 16, bytes.length - 20, 4);
        bytes[20] = 0x2F;
        le(bytes, 21, (width - 1) | ((long) (height - 1) << 14), 4);
        return bytes;
    }

    private static void put(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            bytes[at + i] = (byte) text.charAt(i);
        }
    }

    private static void le(byte[] bytes, int at, long value, int length) {
        for (int i = 0; i < length; i++) {
            bytes[at + i] = (byte) (value >> (8 * i));
        }
    }
}
