package dev.milink.testkit.tds;

import dev.milink.testkit.sql.CancelSignal;
import java.util.concurrent.TimeUnit;

/**
 * Tracks ATTENTION messages of one connection. The reader thread counts attentions as they arrive; the
 * worker thread acknowledges them in order. A request is cancelled while an attention that arrived after
 * it started (or is queued behind it) is not yet acknowledged, which avoids racing a reset flag.
 */
final class CancelState implements CancelSignal {

    private final Object lock = new Object();
    private volatile int received;
    private volatile int acknowledged;
    private volatile boolean closed;

    /** Called by the reader thread when an ATTENTION packet arrives. */
    void attentionReceived() {
        synchronized (lock) {
            received++;
            lock.notifyAll();
        }
    }

    /** Called by the worker after sending the attention acknowledgement. */
    void acknowledge() {
        synchronized (lock) {
            acknowledged++;
        }
    }

    /** Makes every current and future request look cancelled, so engine loops stop when the server closes. */
    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isCancelled() {
        return closed || received > acknowledged;
    }

    /** Blocks until the client cancels or the connection closes. */
    void awaitCancelled() throws InterruptedException {
        synchronized (lock) {
            while (!isCancelled()) {
                lock.wait(TimeUnit.SECONDS.toMillis(1));
            }
        }
    }
}
