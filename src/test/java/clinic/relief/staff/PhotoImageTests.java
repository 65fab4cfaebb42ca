package clinic.relief.staff;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploaded photos are judged by their bytes: what is kept, how it is rewritten, and each reason for a refusal. */
class PhotoImageTests {

    @Test
    void aJpegIsDecodedShrunkToEightHundredPixelsAndWrittenAnew() throws IOException {
        byte[] upload = encode(new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB), "jpeg");

        PhotoImage.Checked checked = PhotoImage.check(upload);

        assertThat(checked.contentType()).isEqualTo("image/jpeg");
        assertThat(checked.width()).isEqualTo(800);
        assertThat(checked.height()).isEqualTo(600);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(checked.bytes()));
        assertThat(stored.getWidth()).isEqualTo(800);
        assertThat(checked.bytes()).isNotEqualTo(upload);
    }

    @Test
    void aPngWithTransparencyStaysAPngAndASmallOneKeepsItsSize() throws IOException {
        byte[] upload = encode(new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB), "png");

        PhotoImage.Checked checked = PhotoImage.check(upload);

        assertThat(checked.contentType()).isEqualTo("image/png");
        assertThat(checked.width()).isEqualTo(300);
        assertThat(checked.height()).isEqualTo(200);
    }

    @Test
    void aLossyWebpIsMeasuredFromItsVp8HeaderAndKeptAsUploaded() {
        byte[] webp = new byte[40];
        put(webp, 0, "RIFF");
        le(webp, 4, webp.length - 8, 4);
        put(webp, 8, "WEBPVP8 ");
        webp[23] = (byte) 0x9D;
        webp[24] = 0x01;
        webp[25] = 0x2A;
        le(webp, 26, 640, 2);
        le(webp, 28, 480, 2);

        PhotoImage.Checked checked = PhotoImage.check(webp);

        assertThat(checked.contentType()).isEqualTo("image/webp");
        assertThat(checked.width()).isEqualTo(640);
        assertThat(checked.height()).isEqualTo(480);
        assertThat(checked.bytes()).isEqualTo(webp);
    }

    @Test
    void aWebpWhoseRiffSizeDoesNotMatchIsUnreadable() {
        byte[] webp = new byte[40];
        put(webp, 0, "RIFF");
        le(webp, 4, 1000, 4);
        put(webp, 8, "WEBPVP8X");

        assertThatThrownBy(() -> PhotoImage.check(webp)).hasMessageContaining("unreadable");
    }

    @Test
    void refusesWhatIsNoImageATinyOneAndAnEmptyOne() throws IOException {
        assertThatThrownBy(() -> PhotoImage.check("GIF89a....".getBytes())).hasMessageContaining("type");
        assertThatThrownBy(
                        () -> PhotoImage.check(encode(new BufferedImage(63, 200, BufferedImage.TYPE_INT_RGB), "png")))
                .hasMessageContaining("dimensions");
        assertThatThrownBy(() -> PhotoImage.check(new byte[0])).hasMessageContaining("empty");
        byte[] cut = Arrays.copyOf(encode(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "jpeg"), 50);
        assertThatThrownBy(() -> PhotoImage.check(cut)).hasMessageContaining("unreadable");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
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
