package dev.milink.core.internal;

import dev.milink.DatabaseName;
import dev.milink.LinkException;
import dev.milink.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Runs each link's steps in order, links concurrently with bounded parallelism. A link's failure is recorded by
 * the worker and does not stop the others; an {@link Error} (a dying process) is rethrown once all workers end.
 */
final class Fanout {

    private final int parallelism;

    Fanout(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
    }

    void run(Map<DatabaseName, List<Step>> perLink, Map<DatabaseName, LinkException> failed,
            BiConsumer<DatabaseName, List<Step>> worker) {
        List<Map.Entry<DatabaseName, List<Step>>> work = perLink.entrySet().stream()
                .filter(e -> !failed.containsKey(e.getKey()) && !e.getValue().isEmpty()).toList();
        if (work.isEmpty()) {
            return;
        }
        if (work.size() == 1 || parallelism == 1) {
            work.forEach(e -> worker.accept(e.getKey(), e.getValue()));
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, work.size()), r -> {
            Thread t = new Thread(r, "milink-link-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            work.forEach(e -> futures.add(pool.submit(() -> worker.accept(e.getKey(), e.getValue()))));
            Throwable fatal = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    fatal = fatal == null ? e.getCause() : fatal;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while links were running", e);
                }
            }
            if (fatal instanceof Error error) {
                throw error;
            }
            if (fatal instanceof RuntimeException runtime) {
                throw runtime;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
