package dev.milink.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who holds a lock file: process id, host, when that process started and when it took the lock.
 *
 * @param pid the process id
 * @param host the host name
 * @param processStart when the process started (tells a reused pid from the holder)
 * @param acquired when the lock was taken
 */
record LockOwner(long pid, String host, Optional<Instant> processStart, Optional<Instant> acquired) {

    /** What a lock file tells about its holder. */
    enum Verdict {
        /** Held by a running process on this host: never broken. */
        LIVE,
        /** Held by a process of this host that is gone (or whose pid now belongs to another process): broken. */
        GONE,
        /** Empty or unreadable: no run can be holding it (locks are written whole), so it is broken. */
        UNREADABLE,
        /** Held on another host, or by a process that cannot be told from a reused pid: broken only when asked. */
        UNKNOWN
    }

    /** The tolerance when comparing process start times (they are derived from clock ticks). */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    /** @return the owner record of this process */
    static LockOwner current(String host, Instant now) {
        ProcessHandle self = ProcessHandle.current();
        return new LockOwner(self.pid(), host, self.info().startInstant(), Optional.of(now));
    }

    /** @return the lock file's text */
    String text() {
        return "pid=" + pid + "\nhost=" + host + "\n" + processStart.map(s -> "started=" + s + "\n").orElse("")
                + acquired.map(a -> "acquired=" + a + "\n").orElse("");
    }

    /** @return the holder, or empty when the text is not a whole lock record (empty, cut short, damaged) */
    static Optional<LockOwner> parse(String text) {
        long pid = -1;
        String host = null;
        Instant started = null;
        Instant acquired = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("pid=")) {
                pid = parseLong(line.substring(4));
            } else if (line.startsWith("host=")) {
                host = line.substring(5).trim();
            } else if (line.startsWith("started=")) {
                started = parseInstant(line.substring(8));
            } else if (line.startsWith("acquired=")) {
                acquired = parseInstant(line.substring(9));
            }
        }
        if (pid <= 0 || host == null || host.isEmpty() || !text.endsWith("\n")) {
            return Optional.empty();
        }
        return Optional.of(new LockOwner(pid, host, Optional.ofNullable(started), Optional.ofNullable(acquired)));
    }

    /**
     * @param thisHost the host this process runs on
     * @return what the record says about the holder
     */
    Verdict verdict(String thisHost) {
        if (!host.equals(thisHost)) {
            return Verdict.UNKNOWN;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Verdict.GONE;
        }
        Optional<Instant> runningSince = process.get().info().startInstant();
        if (processStart.isEmpty() || runningSince.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        boolean same = Duration.between(processStart.get(), runningSince.get()).abs().compareTo(START_TOLERANCE) <= 0;
        return same ? Verdict.LIVE : Verdict.GONE;
    }

    /** @return whether the lock was taken longer ago than allowed (a lock without a time counts as old) */
    boolean olderThan(Duration age, Instant now) {
        return acquired.map(a -> Duration.between(a, now).compareTo(age) > 0).orElse(true);
    }

    /** @return for example {@code pid 4242 on vm1, taken 23 s ago} */
    String describe(Instant now) {
        return "pid " + pid + " on " + host + acquired.map(a -> ", taken " + Duration.between(a, now).toSeconds() + " s ago").orElse("");
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
