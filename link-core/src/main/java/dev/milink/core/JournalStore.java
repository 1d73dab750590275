package dev.milink.core;

import dev.milink.core.internal.FileJournalStore;
import dev.milink.core.internal.InMemoryJournalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where journals live. One journal (and one lock) per link set; see {@link Journal#keyOf}.
 */
public interface JournalStore {

    /**
     * @param key a journal key
     * @return the journal, if one was saved
     */
    Optional<Journal> load(String key);

    /**
     * Saves durably and atomically (a reader sees the old or the new journal, never a torn one).
     *
     * @param journal the journal
     */
    void save(Journal journal);

    /**
     * Takes the lock of a link set.
     *
     * @param key the journal key
     * @param now the time, recorded as the lock's age
     * @param breakStaleAfter when present, a lock older than this (or held by a dead process on this host) is broken
     * @return the lock; close it to release
     * @throws dev.milink.LinkException with {@code JOURNAL_CONFLICT} when another runner holds it
     */
    Lock lock(String key, Instant now, Optional<Duration> breakStaleAfter);

    /** A held lock. */
    interface Lock extends AutoCloseable {
        /** Releases the lock. */
        @Override
        void close();
    }

    /**
     * @param directory the directory (created when missing)
     * @return a store of human-readable journal files with lock files next to them
     */
    static JournalStore directory(Path directory) {
        return new FileJournalStore(directory);
    }

    /** @return a store in memory, for tests and one-shot runs */
    static JournalStore inMemory() {
        return new InMemoryJournalStore();
    }
}
