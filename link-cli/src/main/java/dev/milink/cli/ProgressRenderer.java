package dev.milink.cli;

import dev.milink.event.LinkEvent;
import dev.milink.event.LinkListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders run events for people. On a terminal, long steps show a bar redrawn in place
 * ({@code [#######.......]  42%  12.5 MB/s  ETA 3m12s}); elsewhere (pipes, CI logs, --json's stderr) every
 * event is one plain line and progress is printed only when the whole percent changes. Rates are measured
 * from the events' own timestamps, so rendering is deterministic for a given event stream.
 */
public final class ProgressRenderer implements LinkListener {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int total;
    private int index;
    private int lastPercent = -1;
    private Object lastStarted;
    private boolean barShown;
    private Instant rateAt;
    private long rateBytes = -1;
    private double bytesPerSecond = -1;

    /**
     * @param out where to write
     * @param terminal whether {@code out} is an interactive terminal (draw a bar in place)
     */
    public ProgressRenderer(PrintWriter out, boolean terminal) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
    }

    @Override
    public synchronized void onEvent(LinkEvent event) {
        if (event instanceof LinkEvent.PlanStarted e) {
            total = e.plan().steps().size();
            line((e.resumed() ? "Resuming " : "Running ") + PlanJson.kind(e.plan()) + " plan " + e.plan().hash()
                    + " (" + total + " steps)");
        } else if (event instanceof LinkEvent.StepStarted e) {
            index++;
            lastStarted = e.step().id();
            lastPercent = -1;
            rateBytes = -1;
            bytesPerSecond = -1;
            line(counter() + e.step().summary() + " ...");
        } else if (event instanceof LinkEvent.Progress e) {
            progress(e);
        } else if (event instanceof LinkEvent.StepCompleted e) {
            line(counter() + "done: " + e.step().summary() + " (" + duration(e.took()) + ")"
                    + (e.detail() == null || e.detail().isBlank() ? "" : " - " + e.detail()));
        } else if (event instanceof LinkEvent.StepSkipped e) {
            if (!e.step().id().equals(lastStarted)) {
                index++;
            }
            line(counter() + "skipped: " + e.step().summary() + " - " + e.reason());
        } else if (event instanceof LinkEvent.StepFailed e) {
            line(counter() + "FAILED: " + e.step().summary() + " - " + OptionExceptions.problem(e.error()));
        } else if (event instanceof LinkEvent.StepRetried e) {
            line("  retrying " + e.step().id() + " (attempt " + e.attempt() + " failed: " + e.cause() + "; next in "
                    + duration(e.delay()) + ")");
        } else if (event instanceof LinkEvent.Warning e) {
            line("  warning: " + e.message());
        } else if (event instanceof LinkEvent.PlanFinished e) {
            line((e.succeeded() ? "Finished" : "Stopped") + " in " + duration(e.took()));
        }
    }

    private void progress(LinkEvent.Progress e) {
        measureRate(e);
        int percent = Math.max(0, Math.min(100, e.percent()));
        Optional<Duration> eta = e.eta().or(() -> estimate(e));
        StringBuilder tail = new StringBuilder(String.format(Locale.ROOT, "%3d%%", percent));
        if (bytesPerSecond >= 0) {
            tail.append("  ").append(bytes(bytesPerSecond)).append("/s");
        }
        eta.ifPresent(d -> tail.append("  ETA ").append(duration(d)));
        if (e.message() != null && !e.message().isBlank()) {
            tail.append("  ").append(e.message());
        }
        if (terminal) {
            int filled = percent * BAR_WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + tail + "\u001b[K");
            out.flush();
            barShown = true;
        } else if (percent != lastPercent) {
            line("  " + tail);
        }
        lastPercent = percent;
    }

    private void measureRate(LinkEvent.Progress e) {
        if (e.bytesDone().isEmpty()) {
            return;
        }
        long done = e.bytesDone().get();
        if (rateBytes >= 0 && rateAt != null && e.at().isAfter(rateAt) && done >= rateBytes) {
            double seconds = Duration.between(rateAt, e.at()).toNanos() / 1e9;
            double current = (done - rateBytes) / seconds;
            bytesPerSecond = bytesPerSecond < 0 ? current : 0.7 * bytesPerSecond + 0.3 * current;
        }
        rateAt = e.at();
        rateBytes = done;
    }

    private Optional<Duration> estimate(LinkEvent.Progress e) {
        if (bytesPerSecond <= 0 || e.bytesDone().isEmpty() || e.bytesTotal().isEmpty()) {
            return Optional.empty();
        }
        long remaining = Math.max(0, e.bytesTotal().get() - e.bytesDone().get());
        return Optional.of(Duration.ofSeconds(Math.round(remaining / bytesPerSecond)));
    }

    private String counter() {
        if (total <= 0) {
            return "";
        }
        int width = String.valueOf(total).length();
        return String.format(Locale.ROOT, "[%" + width + "d/%d] ", Math.min(index, total), total);
    }

    private void line(String text) {
        if (barShown) {
            out.println();
            barShown = false;
        }
        out.println(text);
        out.flush();
    }

    /**
     * @param d a duration
     * @return a short form: {@code 850ms}, {@code 42s}, {@code 3m12s}, {@code 1h05m}
     */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /**
     * @param n a byte count
     * @return a short form with binary units: {@code 512 B}, {@code 12.5 MB}
     */
    static String bytes(double n) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (n >= 1024 && u < units.length - 1) {
            n /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", n) : String.format(Locale.ROOT, "%.1f %s", n, units[u]);
    }
}
