package dev.milink.testkit.arm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Every request the simulated ARM received, in arrival order. Polls of long-running-operation URLs are marked,
 * so tests can count "ARM calls not counting polls". The {@code Authorization} header is kept, its value is not.
 */
public final class RequestJournal {

    /**
     * One request and the status it got.
     *
     * @param sequence 1-based arrival order
     * @param method HTTP method
     * @param path decoded path
     * @param query decoded query parameters
     * @param apiVersion {@code api-version}, or null
     * @param headers request headers, {@code Authorization} redacted
     * @param body request body as text
     * @param poll true for a poll of an operation URL
     * @param status response status, 0 if the connection was dropped
     */
    public record Entry(int sequence, String method, String path, Map<String, String> query, String apiVersion,
            Map<String, String> headers, String body, boolean poll, int status) {
    }

    private final ReentrantLock lock;
    private final List<Entry> entries = new ArrayList<>();

    RequestJournal(ReentrantLock lock) {
        this.lock = lock;
    }

    void record(ArmRequest request, boolean poll, int status) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.replaceAll((name, value) -> "authorization".equalsIgnoreCase(name) ? "<redacted>" : value);
        lock.lock();
        try {
            entries.add(new Entry(entries.size() + 1, request.method(), request.path(), Map.copyOf(request.query()),
                    request.apiVersion(), Map.copyOf(headers), request.bodyText(), poll, status));
        } finally {
            lock.unlock();
        }
    }

    /** @return a snapshot of all entries */
    public List<Entry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** @return the entries that are not polls */
    public List<Entry> calls() {
        return entries().stream().filter(e -> !e.poll()).toList();
    }

    /** @return how many polls of operation URLs arrived */
    public long pollCount() {
        return entries().stream().filter(Entry::poll).count();
    }

    /**
     * @param method HTTP method, or {@code *}
     * @param pathRegex regular expression searched in the path, case-insensitive
     * @return how many non-poll requests match
     */
    public long count(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE);
        return calls().stream().filter(e -> "*".equals(method) || e.method().equalsIgnoreCase(method))
                .filter(e -> pattern.matcher(e.path()).find()).count();
    }

    /** Forgets all entries. */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
        } finally {
            lock.unlock();
        }
    }
}
