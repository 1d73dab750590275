package dev.milink.testkit.tds;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request a {@link TdsServer} received, in arrival order: logins, SQL batches, RPC calls and
 * attentions. Thread safe. Secret hygiene: a LOGIN entry records the user, database and application,
 * never the password; statement text is stored exactly as received.
 *
 * <p>The journal keeps the most recent {@value #DEFAULT_CAPACITY} entries so long benchmarks do not
 * grow without bound; {@link #roundTrips()} counts every request regardless.
 */
public final class StatementJournal {

    /** How many entries are kept before the oldest are dropped. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** What kind of request an entry records. */
    public enum Kind {
        /** A LOGIN7 request; {@link Entry#text()} is {@code user=..;database=..;application=..}. */
        LOGIN,
        /** A SQL_BATCH; {@link Entry#text()} is the batch text. */
        SQL_BATCH,
        /** One RPC call; {@link Entry#text()} is the statement text it runs, if any. */
        RPC,
        /** An ATTENTION (query timeout or {@code Statement.cancel()}). */
        ATTENTION
    }

    /**
     * One journal entry.
     *
     * @param sequence increasing number across all connections of the server, starting at 1
     * @param connectionId the server-assigned connection id, starting at 1
     * @param timestamp when the request was decoded
     * @param kind the request kind
     * @param text the statement text (batch text, RPC statement text) or login summary; empty if none
     * @param procedure for RPC, the procedure called ({@code sp_executesql}, {@code sp_prepexec}, ...); else null
     * @param parameterCount the number of bound parameter values (@P0..@Pn); 0 for non-RPC entries
     */
    public record Entry(long sequence, long connectionId, Instant timestamp, Kind kind, String text, String procedure,
            int parameterCount) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long sequence;
    private long roundTrips;

    /** @return a snapshot of the retained entries, oldest first */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Drops all entries and resets {@link #roundTrips()}; sequence numbers keep increasing. */
    public synchronized void clear() {
        entries.clear();
        roundTrips = 0;
    }

    /**
     * @param filter which entries to count
     * @return how many retained entries match
     */
    public synchronized long count(Predicate<? super Entry> filter) {
        return entries.stream().filter(filter).count();
    }

    /** @return the number of SQL_BATCH and RPC messages received (a batched RPC message counts once) */
    public synchronized long roundTrips() {
        return roundTrips;
    }

    /** @return the texts of the retained SQL_BATCH and RPC entries, oldest first */
    public synchronized List<String> statements() {
        List<String> texts = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == Kind.SQL_BATCH || e.kind() == Kind.RPC) {
                texts.add(e.text());
            }
        }
        return texts;
    }

    synchronized void roundTrip() {
        roundTrips++;
    }

    synchronized void record(long connectionId, Kind kind, String text, String procedure, int parameterCount) {
        if (entries.size() >= DEFAULT_CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(++sequence, connectionId, Instant.now(), kind, text == null ? "" : text, procedure,
                parameterCount));
    }
}
