package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A YAML mapping with its path, for typed reads whose errors name the resource and the entry. */
record YamlNode(String path, Map<?, ?> map) {

    /** Parses a whole resource; its top level must be a mapping. */
    static YamlNode parse(String resource, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("has no top-level mapping");
        }
        return new YamlNode(resource, map);
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String text(String key) {
        Object value = map.get(key);
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw new IllegalArgumentException(where(key) + " is missing or not a text");
    }

    double number(String key) {
        if (map.get(key) instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(where(key) + " is missing or not a number");
    }

    boolean flag(String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new IllegalArgumentException(where(key) + " is not true or false");
    }

    /** A list of texts; an absent key gives an empty list. */
    List<String> texts(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where(key) + " is not a list");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new IllegalArgumentException(where(key) + " holds a non-text item: " + item);
            }
            texts.add(s);
        }
        return texts;
    }

    YamlNode node(String key) {
        if (map.get(key) instanceof Map<?, ?> child) {
            return new YamlNode(where(key), child);
        }
        throw new IllegalArgumentException(where(key) + " is missing or not a mapping");
    }

    /** A list of mappings, each named by its {@code id} when it has one. */
    List<YamlNode> nodes(String key) {
        if (!(map.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException(where(key) + " is missing or not a list");
        }
        List<YamlNode> nodes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> child)) {
                throw new IllegalArgumentException(where(key) + "[" + i + "] is not a mapping");
            }
            Object id = child.get("id");
            nodes.add(new YamlNode(where(key) + "[" + (id != null ? id : i) + "]", child));
        }
        return nodes;
    }

    /** The keys of a mapping, in file order. */
    List<String> keys() {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    /** The {@code en} and {@code es} texts of this mapping. */
    Text bilingual() {
        try {
            return new Text(has("en") ? text("en") : null, has("es") ? text("es") : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    String where(String key) {
        return path + "." + key;
    }
}
