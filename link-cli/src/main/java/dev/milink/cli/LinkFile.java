package dev.milink.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A link file: {@code key = value} lines with the same keys as the link options (without the leading
 * {@code --}), blank lines and {@code #} comments. Backslashes are literal, so {@code SQLBOX01\INST2} and
 * {@code D:\backup\x.trn} need no escaping. {@code database} may repeat or hold a comma-separated list;
 * other keys appear once. Command-line flags override the file.
 */
public final class LinkFile {

    /** The keys a link file may hold. */
    public static final Set<String> KEYS = Set.of("sql-server", "endpoint", "database", "managed-instance", "mi-fqdn",
            "two-way-dr", "initial-primary", "sql-server-version", "link-name", "sql-ag", "mi-ag", "endpoint-name",
            "certificate-name", "certificate-expiry", "seeding-mode", "first-log-backup");

    private final Map<String, String> values;
    private final List<String> databases;

    private LinkFile(Map<String, String> values, List<String> databases) {
        this.values = Collections.unmodifiableMap(values);
        this.databases = List.copyOf(databases);
    }

    /** @return a file with no entries */
    public static LinkFile empty() {
        return new LinkFile(new LinkedHashMap<>(), List.of());
    }

    /**
     * @param path the file
     * @return its entries
     * @throws IllegalArgumentException with the line number when a line is malformed, a key unknown or repeated
     * @throws IOException when it cannot be read
     */
    public static LinkFile read(Path path) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    /**
     * @param lines the file's lines
     * @return its entries
     * @throws IllegalArgumentException with the line number when a line is malformed, a key unknown or repeated
     */
    public static LinkFile parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> databases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.startsWith("--")) {
                key = key.substring(2);
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown key '" + printable(key)
                        + "'; known keys are " + new java.util.TreeSet<>(KEYS));
            }
            if (key.equals("database")) {
                for (String db : value.split(",")) {
                    if (!db.isBlank()) {
                        databases.add(db.strip());
                    }
                }
            } else if (values.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": key '" + key + "' appears twice");
            }
        }
        return new LinkFile(values, databases);
    }

    /**
     * @param key a key from {@link #KEYS}
     * @return its value, or null
     */
    public String get(String key) {
        return values.get(key);
    }

    /** @return the databases listed, in order */
    public List<String> databases() {
        return databases;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
