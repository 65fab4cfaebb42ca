package clinic.relief.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text shown to people exists in both languages, every key a template names exists, and every module's
 * bundle is one the application actually loads.
 */
class MessageBundleTests {

    /** {@code #{key}} or {@code #{key(args)}} with a literal key; computed keys are checked by the page tests. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    static List<String> bundles() throws IOException {
        var source = new YamlPropertySourceLoader()
                .load("app", new ClassPathResource("application.yml"))
                .get(0);
        String configured = String.valueOf(source.getProperty("spring.messages.basename"));
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(name -> new ClassPathResource(name + ".properties").exists())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void englishAndSpanishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> english = load(bundle + ".properties").stringPropertyNames();
        Set<String> spanish = load(bundle + "_es.properties").stringPropertyNames();

        assertThat(new TreeSet<>(spanish))
                .as("keys of %s in Spanish", bundle)
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(english));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void noMessageIsEmptyInEitherLanguage(String bundle) throws IOException {
        for (String file : List.of(bundle + ".properties", bundle + "_es.properties")) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames())
                    .as(file)
                    .allSatisfy(
                            key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        }
    }

    /** A key given twice silently keeps only its last text (billing once had two texts for one key). */
    @ParameterizedTest
    @MethodSource("bundles")
    void noKeyIsGivenTwice(String bundle) throws IOException {
        for (String file : List.of(bundle + ".properties", bundle + "_es.properties")) {
            Set<String> seen = new HashSet<>();
            List<String> twice = new ArrayList<>();
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (!seen.add(String.valueOf(key))) {
                        twice.add(String.valueOf(key));
                    }
                    return super.put(key, value);
                }
            };
            try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                counting.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(twice).as("keys given twice in %s", file).isEmpty();
        }
    }

    @Test
    void everyBundleOnTheClasspathIsLoaded() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:**/messages.properties")) {
            String path = resource.getURL().getPath();
            int classes = path.indexOf("/classes/");
            if (classes >= 0) {
                found.add(path.substring(classes + "/classes/".length()).replace(".properties", ""));
            }
        }
        assertThat(bundles()).containsAll(found);
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (String bundle : bundles()) {
            known.addAll(load(bundle + ".properties").stringPropertyNames());
        }
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
