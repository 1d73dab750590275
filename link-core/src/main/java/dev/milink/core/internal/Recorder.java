package dev.milink.core.internal;

import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.JournalStore;
import dev.milink.step.RunValues;
import dev.milink.step.StepId;
import java.time.Clock;

/** The journal of a run in progress: every change is saved at once (before and after each step). Thread-safe. */
final class Recorder {

    private final JournalStore store;
    private final Clock clock;
    private Journal journal;

    Recorder(JournalStore store, Clock clock, Journal journal) {
        this.store = store;
        this.clock = clock;
        this.journal = journal;
        store.save(journal);
    }

    synchronized JournalEntry entry(StepId step) {
        return journal.entry(step).orElseThrow(() -> new IllegalStateException("no journal entry for " + step));
    }

    synchronized void put(JournalEntry entry) {
        journal = journal.with(entry, clock.instant());
        store.save(journal);
    }

    synchronized void fact(String name, String value) {
        if (!value.equals(journal.facts().get(name))) {
            journal = journal.withFact(name, value, clock.instant());
            store.save(journal);
        }
    }

    synchronized void produced(StepId step, RunValues values) {
        Journal next = journal.withProduced(step, values, clock.instant());
        if (!next.facts().equals(journal.facts())) {
            journal = next;
            store.save(journal);
        }
    }

    synchronized Journal journal() {
        return journal;
    }
}
