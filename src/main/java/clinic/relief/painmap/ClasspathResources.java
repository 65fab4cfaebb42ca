package clinic.relief.painmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the knowledge-base resources from the classpath; the only I/O of the pain finder. */
final class ClasspathResources {

    private ClasspathResources() {}

    static KnowledgeBase load(ClassLoader loader) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String yaml = read(loader, KnowledgeBase.textResource(lang));
            if (yaml != null) {
                texts.put(lang, yaml);
            }
        }
        String yaml = read(loader, KnowledgeBaseReader.RESOURCE);
        if (yaml == null) {
            throw new InvalidKnowledgeBase(List.of(KnowledgeBaseReader.RESOURCE + ": resource is missing"));
        }
        return new KnowledgeBaseReader().read(yaml, texts);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
