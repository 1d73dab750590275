package dev.milink.testkit.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The catalog's one reentrant lock and its event queue: events raised while the lock is held are delivered to
 * the listeners only once the outermost holder releases it, so a listener never sees a half-done statement and
 * can call back into the catalog without deadlocking.
 */
final class CatalogLock {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<HadrListener> listeners = new CopyOnWriteArrayList<>();
    private final List<HadrEvent> pending = new ArrayList<>();

    <T> T atomically(Supplier<T> work) {
        lock.lock();
        boolean outermost = lock.getHoldCount() == 1;
        List<HadrEvent> toFire = List.of();
        try {
            T result = work.get();
            if (outermost) {
                toFire = List.copyOf(pending);
            }
            return result;
        } finally {
            if (outermost) {
                pending.clear();
            }
            lock.unlock();
            for (HadrEvent e : toFire) {
                listeners.forEach(l -> l.onEvent(e));
            }
        }
    }

    void queue(HadrEvent event) {
        atomically(() -> pending.add(event));
    }

    void addListener(HadrListener listener) {
        listeners.add(listener);
    }

    void removeListener(HadrListener listener) {
        listeners.remove(listener);
    }
}
