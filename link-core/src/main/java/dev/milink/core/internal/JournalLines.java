package dev.milink.core.internal;

import dev.milink.PlanKind;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.step.StepId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The content lines of a journal (without the format header and checksums), written and read strictly: every
 * value must be one the writer can produce ({@code created=true|false}, a known state, an instant), so a damaged
 * line is an error rather than a plausible value (a lenient {@code created=trud} once read as {@code false}).
 */
final class JournalLines {

    /** A content line and its 1-based number in the file. */
    record Numbered(int number, String text) {
    }

    private static final String SEP = " | ";
    private static final List<String> HEADER = List.of("key", "plan", "kind", "created", "updated");

    private JournalLines() {
    }

    static List<String> lines(Journal journal) {
        List<String> out = new ArrayList<>();
        out.add("key: " + oneLine(journal.key()));
        out.add("plan: " + journal.planHash());
        out.add("kind: " + journal.kind());
        out.add("created: " + journal.createdAt());
        out.add("updated: " + journal.updatedAt());
        journal.facts().forEach((k, v) -> out.add("fact: " + oneLine(k).replace(" = ", " =") + " = " + oneLine(v)));
        for (JournalEntry e : journal.entries()) {
            out.add("step: " + e.step().value() + SEP + e.state() + SEP + "created=" + e.created() + SEP
                    + "attempts=" + e.attempts() + SEP + "started=" + e.started().map(Instant::toString).orElse("-") + SEP
                    + "finished=" + e.finished().map(Instant::toString).orElse("-") + SEP + "note=" + oneLine(e.note()));
        }
        return out;
    }

    static Journal journal(String source, List<Numbered> lines) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, String> facts = new LinkedHashMap<>();
        List<JournalEntry> entries = new ArrayList<>();
        Set<StepId> steps = new HashSet<>();
        Map<String, Integer> where = new LinkedHashMap<>();
        for (Numbered line : lines) {
            int colon = line.text().indexOf(": ");
            String name = colon < 0 ? line.text() : line.text().substring(0, colon);
            String value = colon < 0 ? "" : line.text().substring(colon + 2);
            if (colon < 0 || !HEADER.contains(name) && !"fact".equals(name) && !"step".equals(name)) {
                throw JournalText.corrupt(source, line.number(), "unknown entry '" + clip(name) + "'");
            }
            switch (name) {
                case "fact" -> {
                    int eq = value.indexOf(" = ");
                    if (eq <= 0) {
                        throw JournalText.corrupt(source, line.number(), "a fact line reads 'fact: name = value'");
                    }
                    facts.put(value.substring(0, eq), value.substring(eq + 3));
                }
                case "step" -> {
                    JournalEntry entry = entry(source, line.number(), value);
                    if (!steps.add(entry.step())) {
                        throw JournalText.corrupt(source, line.number(), "step " + entry.step() + " is recorded twice");
                    }
                    entries.add(entry);
                }
                default -> {
                    if (header.put(name, value) != null) {
                        throw JournalText.corrupt(source, line.number(), "'" + name + ":' is recorded twice");
                    }
                    where.put(name, line.number());
                }
            }
        }
        int last = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number();
        for (String name : HEADER) {
            if (!header.containsKey(name)) {
                throw JournalText.corrupt(source, last, "the journal has no '" + name + ":' line (it was cut short)");
            }
        }
        if (header.get("key").isBlank() || !header.get("plan").matches("[0-9a-f]+")) {
            throw JournalText.corrupt(source, where.get(header.get("key").isBlank() ? "key" : "plan"),
                    "the key must not be empty and the plan hash is hexadecimal");
        }
        return new Journal(header.get("key"), header.get("plan"), kind(source, where.get("kind"), header.get("kind")),
                instant(source, where.get("created"), header.get("created")),
                instant(source, where.get("updated"), header.get("updated")), facts, entries);
    }

    private static JournalEntry entry(String source, int number, String value) {
        String[] parts = value.split(" \\| ", 7);
        if (parts.length != 7 || parts[0].isBlank()) {
            throw JournalText.corrupt(source, number, "a step line has 7 fields separated by ' | '");
        }
        StepState state;
        try {
            state = StepState.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            throw JournalText.corrupt(source, number, "'" + clip(parts[1]) + "' is not a step state");
        }
        String created = field(source, number, parts[2], "created");
        if (!"true".equals(created) && !"false".equals(created)) {
            throw JournalText.corrupt(source, number, "created=" + clip(created) + " is neither true nor false");
        }
        String attempts = field(source, number, parts[3], "attempts");
        if (!attempts.matches("\\d{1,9}")) {
            throw JournalText.corrupt(source, number, "attempts=" + clip(attempts) + " is not a count");
        }
        return new JournalEntry(new StepId(parts[0]), state, Boolean.parseBoolean(created), Integer.parseInt(attempts),
                optionalInstant(source, number, field(source, number, parts[4], "started")),
                optionalInstant(source, number, field(source, number, parts[5], "finished")),
                field(source, number, parts[6], "note"));
    }

    private static String field(String source, int number, String part, String name) {
        if (!part.startsWith(name + "=")) {
            throw JournalText.corrupt(source, number, "expected '" + name + "=' but found '" + clip(part) + "'");
        }
        return part.substring(name.length() + 1);
    }

    private static PlanKind kind(String source, int number, String value) {
        try {
            return PlanKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw JournalText.corrupt(source, number, "'" + clip(value) + "' is not a plan kind");
        }
    }

    private static Optional<Instant> optionalInstant(String source, int number, String value) {
        return "-".equals(value) ? Optional.empty() : Optional.of(instant(source, number, value));
    }

    private static Instant instant(String source, int number, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw JournalText.corrupt(source, number, "'" + clip(value) + "' is not a time");
        }
    }

    /** Damaged text is quoted in messages, but never at length. */
    private static String clip(String s) {
        String one = oneLine(s);
        return one.length() > 60 ? one.substring(0, 60) + "..." : one;
    }

    private static String oneLine(String s) {
        // A separator inside a note would split the line differently when read back.
        return s.replace('\n', ' ').replace('\r', ' ').replace(SEP, " / ");
    }
}
