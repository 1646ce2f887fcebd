package cn.zz.pipeline.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a service really reads, as environment variable names: the keys of its application.properties
 * and of the platform's defaults, the variables those files reference (${NAME}), and every property of the
 * {@code @ConfigMapping} interfaces in its sources and the platform's (a map property admits any key below it).
 * An environment variable of a manifest that names none of them is a typo or a setting nobody reads.
 */
final class ConfigKeys {

    /**
     * Read by the JVM itself, by Quarkus to choose the profiles (QUARKUS_PROFILE, whose profile-prefixed keys the
     * properties files hold), or added by quarkus-kubernetes for the application's use.
     */
    private static final Set<String> RUNTIME = Set.of("JAVA_TOOL_OPTIONS", "QUARKUS_PROFILE", "KUBERNETES_NAMESPACE");

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    final Set<String> exact = new TreeSet<>();
    final Set<String> prefixes = new TreeSet<>();

    private ConfigKeys() {
    }

    static ConfigKeys of(String service) {
        ConfigKeys keys = new ConfigKeys();
        keys.properties(Repo.path(service + "/src/main/resources/application.properties"));
        keys.properties(Repo.path("platform/src/main/resources/META-INF/microprofile-config.properties"));
        keys.mappings(Repo.path(service + "/src/main/java"));
        keys.mappings(Repo.path("platform/src/main/java"));
        keys.exact.addAll(RUNTIME);
        return keys;
    }

    boolean knows(String env) {
        return exact.contains(env) || prefixes.stream().anyMatch(p -> env.startsWith(p + "_"));
    }

    /** MicroProfile Config's environment form of a property name. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private void properties(Path file) {
        for (String line : read(file).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq > 0) {
                String key = l.substring(0, eq).strip();
                if (key.startsWith("%")) {
                    key = key.substring(key.indexOf('.') + 1);
                }
                exact.add(env(key));
            }
            Matcher ref = REFERENCE.matcher(l);
            while (ref.find()) {
                exact.add(ref.group(1));
            }
        }
    }

    private void mappings(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = stripComments(read(file));
                Matcher m = MAPPING.matcher(text);
                if (m.find()) {
                    Map<String, String> bodies = interfaces(text);
                    Matcher top = INTERFACE.matcher(text);
                    if (top.find(m.end())) {
                        walk(m.group(1), bodies.get(top.group(1)), bodies);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every property below {@code prefix} of one interface body (its nested interfaces' bodies left out). */
    private void walk(String prefix, String body, Map<String, String> bodies) {
        String own = withoutNestedBodies(body);
        Matcher m = METHOD.matcher(own);
        while (m.find()) {
            String type = m.group(1);
            String key = prefix + "." + kebab(m.group(2));
            String element = type.replaceAll("^(Optional|List|Set)<(.*)>$", "$2");
            if (type.startsWith("Map<")) {
                prefixes.add(env(key));
            } else if (bodies.containsKey(element)) {
                walk(key, bodies.get(element), bodies);
            } else {
                exact.add(env(key));
            }
        }
    }

    private static Map<String, String> interfaces(String text) {
        Map<String, String> bodies = new HashMap<>();
        Matcher m = INTERFACE.matcher(text);
        while (m.find()) {
            int open = m.end() - 1;
            bodies.put(m.group(1), text.substring(open + 1, close(text, open)));
        }
        return bodies;
    }

    private static String withoutNestedBodies(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int close(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> unknown(Iterable<String> envs) {
        List<String> out = new java.util.ArrayList<>();
        envs.forEach(e -> {
            if (!knows(e)) {
                out.add(e);
            }
        });
        return out;
    }
}
