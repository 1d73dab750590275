package dev.milink.core.internal;

import dev.milink.PlanKind;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.step.StepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal's line-oriented text format, written and read by hand (no JSON library), for example:
 * <pre>
 * # milink journal: rewritten atomically after every step; holds no secrets
 * key: /subscriptions/.../managedInstances/mi-name links DAG_SalesDb
 * plan: 4f1c...
 * kind: CREATE
 * created: 2026-11-28T12:00:00Z
 * updated: 2026-11-28T12:00:09Z
 * fact: managed-instance-fqdn = mi-name.abc.database.windows.net
 * step: sql.master-key | DONE | created=true | attempts=1 | started=2026-... | finished=2026-... | note=created
 * </pre>
 */
public final class JournalText {

    private static final String SEP = " | ";

    private JournalText() {
    }

    /**
     * @param journal a journal
     * @return its text
     */
    public static String format(Journal journal) {
        StringBuilder out = new StringBuilder("# milink journal: rewritten atomically after every step; holds no secrets\n");
        out.append("key: ").append(oneLine(journal.key())).append('\n');
        out.append("plan: ").append(journal.planHash()).append('\n');
        out.append("kind: ").append(journal.kind()).append('\n');
        out.append("created: ").append(journal.createdAt()).append('\n');
        out.append("updated: ").append(journal.updatedAt()).append('\n');
        journal.facts().forEach((k, v) -> out.append("fact: ").append(oneLine(k)).append(" = ").append(oneLine(v)).append('\n'));
        for (JournalEntry e : journal.entries()) {
            out.append("step: ").append(e.step().value()).append(SEP).append(e.state()).append(SEP)
                    .append("created=").append(e.created()).append(SEP).append("attempts=").append(e.attempts()).append(SEP)
                    .append("started=").append(e.started().map(Instant::toString).orElse("-")).append(SEP)
                    .append("finished=").append(e.finished().map(Instant::toString).orElse("-")).append(SEP)
                    .append("note=").append(oneLine(e.note())).append('\n');
        }
        return out.toString();
    }

    /**
     * @param text journal text
     * @return the journal
     * @throws IllegalArgumentException when the text is not a journal
     */
    public static Journal parse(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, String> facts = new LinkedHashMap<>();
        List<JournalEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("not a journal line: " + line);
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 2);
            switch (name) {
                case "fact" -> {
                    int eq = value.indexOf(" = ");
                    facts.put(value.substring(0, eq), value.substring(eq + 3));
                }
                case "step" -> entries.add(entry(value));
                default -> header.put(name, value);
            }
        }
        return new Journal(require(header, "key"), require(header, "plan"), PlanKind.valueOf(require(header, "kind")),
                Instant.parse(require(header, "created")), Instant.parse(require(header, "updated")), facts, entries);
    }

    private static JournalEntry entry(String value) {
        String[] parts = value.split(" \\| ", 7);
        if (parts.length != 7) {
            throw new IllegalArgumentException("not a step line: " + value);
        }
        return new JournalEntry(new StepId(parts[0]), StepState.valueOf(parts[1]),
                Boolean.parseBoolean(field(parts[2], "created")), Integer.parseInt(field(parts[3], "attempts")),
                instant(field(parts[4], "started")), instant(field(parts[5], "finished")), field(parts[6], "note"));
    }

    private static String field(String part, String name) {
        if (!part.startsWith(name + "=")) {
            throw new IllegalArgumentException("expected " + name + "= in " + part);
        }
        return part.substring(name.length() + 1);
    }

    private static Optional<Instant> instant(String value) {
        return "-".equals(value) ? Optional.empty() : Optional.of(Instant.parse(value));
    }

    private static String require(Map<String, String> header, String name) {
        String value = header.get(name);
        if (value == null) {
            throw new IllegalArgumentException("journal without '" + name + ":'");
        }
        return value;
    }

    private static String oneLine(String s) {
        // A separator inside a note would split the line differently when read back.
        return s.replace('\n', ' ').replace('\r', ' ').replace(SEP, " / ");
    }
}
