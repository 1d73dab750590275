package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.core.Journal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The journal's line-oriented text format, written and read by hand (no JSON library), for example:
 * <pre>
 * # milink journal 2: rewritten atomically after every step; holds no secrets; each line ends with a running CRC32
 * key: /subscriptions/.../managedInstances/mi-name links DAG_SalesDb ~1c291ca3
 * plan: 4f1c... ~0b7e5f12
 * kind: CREATE ~...
 * created: 2026-11-28T12:00:00Z ~...
 * updated: 2026-11-28T12:00:09Z ~...
 * fact: managed-instance-fqdn = mi-name.abc.database.windows.net ~...
 * step: sql.master-key | DONE | created=true | attempts=1 | started=2026-... | finished=2026-... | note=created ~...
 * end: 8 lines ~...
 * </pre>
 * Each line's checksum is a CRC32 over every line so far (Flyway-style, over the canonical text), so a changed
 * byte, a removed or reordered line and a cut-short file are all told apart from a journal that merely looks
 * plausible; the closing {@code end:} line proves the file is complete. Journals of the first format (no
 * checksums, same lines) are still read, strictly, so a run interrupted before an upgrade can be resumed.
 */
public final class JournalText {

    /** The first line of a journal in the current format; it names the format. */
    static final String HEADER = "# milink journal 2: rewritten atomically after every step; holds no secrets; "
            + "each line ends with a running CRC32";
    /** The first line of a journal of the first format, which had no checksums. */
    static final String LEGACY_HEADER = "# milink journal: rewritten atomically after every step; holds no secrets";

    private static final Pattern CHECKED = Pattern.compile("(.*) ~([0-9a-f]{8})");
    private static final Pattern END = Pattern.compile("end: (\\d+) lines");

    private JournalText() {
    }

    /**
     * @param journal a journal
     * @return its text, every line checksummed
     */
    public static String format(Journal journal) {
        List<String> lines = JournalLines.lines(journal);
        CRC32 crc = new CRC32();
        update(crc, HEADER);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (String line : lines) {
            appendChecked(out, crc, line);
        }
        appendChecked(out, crc, "end: " + lines.size() + " lines");
        return out.toString();
    }

    /**
     * Reads a journal without knowing which link set it should belong to (tests, diagnostics).
     *
     * @param text journal text
     * @return the journal
     * @throws LinkException {@code JOURNAL_CORRUPT} when the text is damaged
     */
    public static Journal parse(String text) {
        return read("journal text", text, Optional.empty());
    }

    /**
     * @param source the file (or store) the text came from, named in errors
     * @param text journal text
     * @param expectedKey the link set the journal must belong to, when known
     * @return the journal
     * @throws LinkException {@code JOURNAL_CORRUPT} naming the source, the line and the way out when the text is
     *         damaged, cut short, or records another link set than its file name says
     */
    public static Journal read(String source, String text, Optional<String> expectedKey) {
        if (text.isEmpty()) {
            throw corrupt(source, 1, "the file is empty (it was cut short, for example by a full disk)");
        }
        String[] raw = text.split("\n", -1);
        List<JournalLines.Numbered> content = HEADER.equals(raw[0]) ? verified(source, raw)
                : LEGACY_HEADER.equals(raw[0]) ? legacy(source, raw) : null;
        if (content == null) {
            throw corrupt(source, 1, "the first line is not a milink journal header");
        }
        Journal journal = JournalLines.journal(source, content);
        if (expectedKey.isPresent() && !expectedKey.get().equals(journal.key())) {
            int keyLine = content.stream().filter(l -> l.text().startsWith("key: ")).mapToInt(JournalLines.Numbered::number)
                    .findFirst().orElse(1);
            throw corrupt(source, keyLine, "it records the link set '" + journal.key() + "', not the '" + expectedKey.get()
                    + "' its file name stands for");
        }
        return journal;
    }

    /** Checks every line's running checksum and the closing line; returns the content lines. */
    private static List<JournalLines.Numbered> verified(String source, String[] raw) {
        CRC32 crc = new CRC32();
        update(crc, raw[0]);
        List<JournalLines.Numbered> content = new ArrayList<>();
        for (int i = 1; i < raw.length; i++) {
            int number = i + 1;
            String line = raw[i];
            if (i == raw.length - 1) {
                // The text after the last newline: empty in a whole file; anything else is a line cut short.
                if (!line.isEmpty()) {
                    throw corrupt(source, number, "the last line is cut short (no line end)");
                }
                break;
            }
            Matcher m = CHECKED.matcher(line);
            if (!m.matches()) {
                throw corrupt(source, number, "the line has no checksum (it was changed or cut short)");
            }
            update(crc, m.group(1));
            if (!String.format("%08x", crc.getValue()).equals(m.group(2))) {
                throw corrupt(source, number, "the checksum does not match: this line, or a line before it, was changed"
                        + " or removed");
            }
            Matcher end = END.matcher(m.group(1));
            if (end.matches()) {
                if (i != raw.length - 2 || !raw[raw.length - 1].isEmpty()) {
                    throw corrupt(source, number + 1, "there are lines after the closing 'end:' line");
                }
                if (!end.group(1).equals(Integer.toString(content.size()))) {
                    throw corrupt(source, number, "the closing line counts " + end.group(1) + " lines, the file has "
                            + content.size());
                }
                return content;
            }
            content.add(new JournalLines.Numbered(number, m.group(1)));
        }
        throw corrupt(source, raw.length - 1, "the file ends without its closing 'end:' line: it was cut short");
    }

    /** The first format: no checksums, so only the strict reading of each line guards it. */
    private static List<JournalLines.Numbered> legacy(String source, String[] raw) {
        List<JournalLines.Numbered> content = new ArrayList<>();
        for (int i = 1; i < raw.length; i++) {
            if (!raw[i].isEmpty() && !raw[i].startsWith("#")) {
                content.add(new JournalLines.Numbered(i + 1, raw[i]));
            }
        }
        return content;
    }

    /**
     * @param source the damaged file
     * @param line the first line found damaged (1-based)
     * @param what what is wrong with it
     * @return the error: the journal is believed for nothing, so no step runs on its word
     */
    static LinkException corrupt(String source, int line, String what) {
        return new LinkException(LinkErrorCode.JOURNAL_CORRUPT, "The journal " + source + " is damaged at line " + line
                + ": " + what + ". Nothing was changed.",
                "inspect the file (it records what the interrupted run did and which objects it created), then run the"
                        + " same command with JournalStore.discard(key) (CLI: --discard-journal) to move it aside and"
                        + " start from the live state: every step observes both sides before it changes anything");
    }

    private static void appendChecked(StringBuilder out, CRC32 crc, String line) {
        update(crc, line);
        out.append(line).append(" ~").append(String.format("%08x", crc.getValue())).append('\n');
    }

    private static void update(CRC32 crc, String line) {
        crc.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
