package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.core.Journal;
import dev.milink.core.JournalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Journals kept in memory as their text (so the same format is exercised); locks per key. */
public final class InMemoryJournalStore implements JournalStore {

    private final Map<String, String> journals = new ConcurrentHashMap<>();
    private final Map<String, Instant> locks = new ConcurrentHashMap<>();

    @Override
    public Optional<Journal> load(String key) {
        return Optional.ofNullable(journals.get(key)).map(text -> JournalText.read("in memory for " + key, text, Optional.of(key)));
    }

    /**
     * Replaces a stored journal's text as it is, for tests that damage it.
     *
     * @param key a key
     * @param text the new text
     */
    public void overwrite(String key, String text) {
        journals.put(key, text);
    }

    @Override
    public Optional<String> discard(String key, Instant now, Optional<Duration> breakStaleAfter) {
        try (Lock held = lock(key, now, breakStaleAfter)) {
            // Nothing outlives the process in memory, so there is nowhere to keep it.
            return Optional.ofNullable(journals.remove(key)).map(text -> "nowhere (an in-memory journal is gone with its process)");
        }
    }

    @Override
    public void save(Journal journal) {
        journals.put(journal.key(), JournalText.format(journal));
    }

    /**
     * @param key a key
     * @return the stored text, for tests and diagnostics
     */
    public Optional<String> text(String key) {
        return Optional.ofNullable(journals.get(key));
    }

    @Override
    public Lock lock(String key, Instant now, Optional<Duration> breakStaleAfter) {
        Instant held = locks.putIfAbsent(key, now);
        if (held != null) {
            boolean stale = breakStaleAfter.filter(max -> Duration.between(held, now).compareTo(max) > 0).isPresent();
            if (!stale || !locks.replace(key, held, now)) {
                throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "Another runner holds the lock of " + key
                        + " (taken at " + held + ").", "wait for it to finish, or pass breakStaleLock(...) (CLI: --break-stale-lock)");
            }
        }
        return () -> locks.remove(key, now);
    }
}
