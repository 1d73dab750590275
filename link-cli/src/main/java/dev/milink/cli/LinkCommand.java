package dev.milink.cli;

import java.nio.file.Path;
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

    /** @return the connections of this run, opened on first use */
    Sessions sessions() {
        SessionFactory factory = root == null ? SessionFactory.LIVE : root.sessionFactory();
        return factory.open(connection, environment());
    }
}
