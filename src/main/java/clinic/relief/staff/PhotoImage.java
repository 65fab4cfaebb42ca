package clinic.relief.staff;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks an uploaded photo by its content, never by its name or declared type. A JPEG or PNG is measured from its
 * header before any pixel is decoded (so a huge image cannot exhaust memory), then decoded and written anew by
 * {@code javax.imageio}: at most {@link #STORED_SIDE} pixels on its long side, without the original's metadata
 * (camera, place). A WebP, which the JDK cannot decode, is checked for a well-formed RIFF container and its
 * dimensions read from the VP8, VP8L or VP8X header, and kept as uploaded. Pure logic, thread-safe.
 */
final class PhotoImage {

    /** The long side of a stored (re-encoded) photo at most. */
    static final int STORED_SIDE = 800;

    private static final float JPEG_QUALITY = 0.88f;

    private PhotoImage() {}

    /** A photo ready to store. */
    record Checked(String contentType, byte[] bytes, int width, int height) {}

    static Checked check(byte[] upload) {
        if (upload.length == 0) {
            throw new PhotoRefused("empty");
        }
        if (upload.length > TherapistPhotos.MAX_BYTES) {
            throw new PhotoRefused("tooLarge");
        }
        if (startsWith(upload, 0xFF, 0xD8, 0xFF)) {
            return reencode(upload, "jpeg");
        }
        if (startsWith(upload, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return reencode(upload, "png");
        }
        if (upload.length >= 30 && ascii(upload, 0, "RIFF") && ascii(upload, 8, "WEBP")) {
            return webp(upload);
        }
        throw new PhotoRefused("type");
    }

    private static Checked reencode(byte[] upload, String format) {
        BufferedImage image = decode(upload, format);
        boolean alpha = "png".equals(format) && image.getColorModel().hasAlpha();
        double scale = Math.min(1.0, (double) STORED_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return alpha
                ? new Checked("image/png", write(out, "png"), width, height)
                : new Checked("image/jpeg", write(out, "jpeg"), width, height);
    }

    private static BufferedImage decode(byte[] upload, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
            checkSides(reader.getWidth(0), reader.getHeight(0));
            // Decoding every pixel of a 4000-pixel photo only to shrink it to 800 wastes memory: skip rows and columns.
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, longSide / (2 * STORED_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof PhotoRefused refused) {
                throw refused;
            }
            throw new PhotoRefused("unreadable");
        } finally {
            reader.dispose();
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException inMemory) {
            throw new IllegalStateException("Writing to memory failed", inMemory);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The RIFF size must match the upload, and the first chunk must be an image header whose sides are read. */
    private static Checked webp(byte[] upload) {
        long riffSize = le(upload, 4, 4);
        if (riffSize + 8 != upload.length) {
            throw new PhotoRefused("unreadable");
        }
        int width;
        int height;
        if (ascii(upload, 12, "VP8 ")) {
            if (!startsWithAt(upload, 23, 0x9D, 0x01, 0x2A)) {
                throw new PhotoRefused("unreadable");
            }
            width = (int) le(upload, 26, 2) & 0x3FFF;
            height = (int) le(upload, 28, 2) & 0x3FFF;
        } else if (ascii(upload, 12, "VP8L")) {
            if ((upload[20] & 0xFF) != 0x2F) {
                throw new PhotoRefused("unreadable");
            }
            long bits = le(upload, 21, 4);
            width = (int) (bits & 0x3FFF) + 1;
            height = (int) ((bits >> 14) & 0x3FFF) + 1;
        } else if (ascii(upload, 12, "VP8X")) {
            width = (int) le(upload, 24, 3) + 1;
            height = (int) le(upload, 27, 3) + 1;
        } else {
            throw new PhotoRefused("unreadable");
        }
        checkSides(width, height);
        return new Checked("image/webp", Arrays.copyOf(upload, upload.length), width, height);
    }

    private static void checkSides(int width, int height) {
        if (Math.min(width, height) < TherapistPhotos.MIN_SIDE || Math.max(width, height) > TherapistPhotos.MAX_SIDE) {
            throw new PhotoRefused("dimensions");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        return startsWithAt(bytes, 0, prefix);
    }

    private static boolean startsWithAt(byte[] bytes, int at, int... prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[at + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        return bytes.length >= at + text.length()
                && new String(bytes, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static long le(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
