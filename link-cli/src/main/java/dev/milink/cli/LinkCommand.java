package dev.milink.cli;

import dev.milink.core.JournalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A subcommand that acts on a link over live connections: link options, connection options, a journal. */
abstract class LinkCommand extends BaseCommand {

    /** Where journals go unless --journal-dir says otherwise. */
    static final String DEFAULT_JOURNAL_DIR = ".milink/journal";

    @Mixin
    LinkOptions link;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = DEFAULT_JOURNAL_DIR,
            description = "Where the run journal is kept, for resume and rollback (default ${DEFAULT-VALUE}).")
    Path journalDir;

    @Option(names = "--break-stale-lock",
            description = "Break the journal lock also when milink cannot tell whether its holder still runs (a run on "
                    + "another host). Locks of runs that are gone from this host, and empty ones, are broken without it; "
                    + "the lock of a running process is never broken.")
    boolean breakStaleLock;

    @Option(names = "--discard-journal",
            description = "Move this link's journal aside (kept next to it for inspection) and start from the live "
                    + "state; the way out of a damaged journal (JOURNAL_CORRUPT).")
    boolean discardJournal;

    /** @return the journal directory; what it does on its own (a stale lock broken) is said on stderr */
    JournalStore journalStore() {
        return JournalStore.directory(journalDir, notice -> {
            err().println("milink " + name() + ": " + notice);
            err().flush();
        });
    }

    /** @return with --break-stale-lock, any age: the operator vouches that the holder on the other host is gone */
    Optional<Duration> breakStaleLockAge() {
        return breakStaleLock ? Optional.of(Duration.ofNanos(1)) : Optional.empty();
    }

    /** @return the connections of this run, opened on first use */
    Sessions sessions() {
        SessionFactory factory = root == null ? SessionFactory.LIVE : root.sessionFactory();
        return factory.open(connection, environment());
    }
}
