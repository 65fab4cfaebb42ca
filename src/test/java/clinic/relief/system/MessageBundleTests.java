package clinic.relief.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text shown to people exists in both languages, and every key a template names exists. */
class MessageBundleTests {

    /** {@code #{key}} or {@code #{key(args)}} with a literal key; computed keys are checked by the page tests. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    @Test
    void englishAndSpanishHaveTheSameKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> spanish = load("messages_es.properties").stringPropertyNames();

        assertThat(new TreeSet<>(spanish)).as("keys missing in Spanish or extra in Spanish")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(english));
    }

    @Test
    void noMessageIsEmptyInEitherLanguage() throws IOException {
        for (String bundle : new String[] { "messages.properties", "messages_es.properties" }) {
            Properties messages = load(bundle);
            assertThat(messages.stringPropertyNames())
                    .as(bundle)
                    .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        for (Resource template : templates()) {
            Matcher matcher = KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    static Resource[] templates() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
