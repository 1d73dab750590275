package dev.milink.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Who holds a lock file: process id, host and when it was taken. */
record LockOwner(long pid, String host, Optional<Instant> acquired) {

    static LockOwner parse(String text) {
        long pid = -1;
        String host = "unknown";
        Instant acquired = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("pid=")) {
                pid = parseLong(line.substring(4));
            } else if (line.startsWith("host=")) {
                host = line.substring(5);
            } else if (line.startsWith("acquired=")) {
                acquired = parseInstant(line.substring(9));
            }
        }
        return new LockOwner(pid, host, Optional.ofNullable(acquired));
    }

    /** A lock is stale when its process is gone from this host, or when it is older than the caller allows. */
    boolean stale(Instant now, Optional<Duration> breakAfter, String thisHost) {
        if (breakAfter.isEmpty()) {
            return false;
        }
        boolean deadHere = host.equals(thisHost) && pid > 0 && pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        boolean old = acquired.map(a -> Duration.between(a, now).compareTo(breakAfter.get()) > 0).orElse(true);
        return deadHere || old;
    }

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
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
