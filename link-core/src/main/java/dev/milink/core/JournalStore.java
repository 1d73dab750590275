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
     * @throws dev.milink.LinkException {@code JOURNAL_CORRUPT} naming the file and line when the journal is damaged,
     *         cut short or belongs to another link set; {@code JOURNAL_IO} when it cannot be read
     */
    Optional<Journal> load(String key);

    /**
     * Saves durably and atomically (a reader sees the old or the new journal, never a torn one).
     *
     * @param journal the journal
     * @throws dev.milink.LinkException {@code JOURNAL_IO} when it cannot be written (nothing is left half written)
     */
    void save(Journal journal);

    /**
     * Takes the lock of a link set. A lock left by a process of this host that is gone, or an empty or unreadable
     * lock, is broken with a notice naming it; a lock of a running process on this host is never broken.
     *
     * @param key the journal key
     * @param now the time, recorded as the lock's age
     * @param breakStaleAfter when present, a lock whose holder cannot be checked (another host) and that is older
     *        than this is broken too
     * @return the lock; close it to release
     * @throws dev.milink.LinkException with {@code JOURNAL_CONFLICT} when another runner holds it, {@code JOURNAL_IO}
     *         when the lock cannot be written
     */
    Lock lock(String key, Instant now, Optional<Duration> breakStaleAfter);

    /**
     * Moves the journal of a link set out of the way, keeping it for inspection, so that the next run starts
     * from the live state (every step observes both sides before it changes anything). Takes the lock meanwhile.
     *
     * @param key the journal key
     * @param now the time, part of the kept journal's name
     * @param breakStaleAfter as for {@link #lock}
     * @return where the journal was kept, or empty when there was none
     * @throws dev.milink.LinkException {@code JOURNAL_CONFLICT} when another runner holds the lock,
     *         {@code UNSUPPORTED} when the store cannot keep discarded journals
     */
    default Optional<String> discard(String key, Instant now, Optional<Duration> breakStaleAfter) {
        throw new dev.milink.LinkException(dev.milink.LinkErrorCode.UNSUPPORTED, "This journal store (" + getClass().getName()
                + ") cannot discard a journal.", "delete the journal in the store itself");
    }

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

    /**
     * @param directory the directory (created when missing)
     * @param notices receives what the store did on its own, for example a stale lock it broke (default: a WARN log)
     * @return a store of human-readable journal files with lock files next to them
     */
    static JournalStore directory(Path directory, java.util.function.Consumer<String> notices) {
        return new FileJournalStore(directory, notices);
    }

    /** @return a store in memory, for tests and one-shot runs */
    static JournalStore inMemory() {
        return new InMemoryJournalStore();
    }
}
