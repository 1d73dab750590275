package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.core.JournalStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One link set's lock file. Taken atomically: the owner record is written whole to a fresh temp file and then
 * hard-linked to the lock name, which fails when a lock exists; so a lock file is never seen half written, and an
 * empty or unreadable one can only be left over. Locks this process holds are released by a shutdown hook
 * (Ctrl-C), so an interrupted run never blocks the next one.
 */
final class LockFile {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final Thread RELEASER = new Thread(LockFile::releaseAllHeld, "milink-lock-release");
    private static boolean hookInstalled;

    private final Path directory;
    private final Path lock;
    private final String key;
    private final Consumer<String> notices;

    LockFile(Path directory, Path lock, String key, Consumer<String> notices) {
        this.directory = directory;
        this.lock = lock;
        this.key = key;
        this.notices = notices;
    }

    JournalStore.Lock take(Instant now, Optional<Duration> breakStaleAfter) {
        JournalIo.directory(directory);
        JournalIo.refuseLink(lock, directory);
        String owner = LockOwner.current(FileJournalStore.host(), now).text();
        Path temp = null;
        try {
            temp = JournalIo.writeTemp(directory, lock.getFileName().toString(), owner);
            for (int attempt = 0; attempt < 3; attempt++) {
                if (claim(temp, owner)) {
                    installHook();
                    HELD.add(lock);
                    return this::release;
                }
                breakIfStale(now, breakStaleAfter);
            }
            throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "The lock of " + key + " was taken again while milink"
                    + " broke a stale one (lock file " + lock + ").", "another runner started at the same moment: let it"
                    + " finish, then run again");
        } catch (IOException e) {
            throw JournalIo.failure("take the lock", lock, directory, e);
        } finally {
            if (temp != null) {
                JournalIo.deleteQuietly(temp);
            }
        }
    }

    /** @return whether the lock is now ours */
    private boolean claim(Path temp, String owner) throws IOException {
        try {
            Files.createLink(lock, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // The temp file was written, so the directory is writable: no hard links here (FAT, some network shares): exclusive creation, briefly empty while written.
            try {
                Files.write(lock, owner.getBytes(java.nio.charset.StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC, LinkOption.NOFOLLOW_LINKS);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    /** Breaks the existing lock when it is stale, saying so; throws when it is (or may be) held. */
    private void breakIfStale(Instant now, Optional<Duration> breakStaleAfter) throws IOException {
        JournalIo.refuseLink(lock, directory);
        String text = JournalIo.readNoFollow(lock);
        if (text == null) {
            return; // released meanwhile: try again
        }
        Optional<LockOwner> holder = LockOwner.parse(text);
        LockOwner.Verdict verdict = holder.map(h -> h.verdict(FileJournalStore.host())).orElse(LockOwner.Verdict.UNREADABLE);
        String who = holder.map(h -> h.describe(now)).orElse("");
        switch (verdict) {
            case LIVE -> throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "Another runner holds the lock of " + key
                    + " (" + who + ", still running; lock file " + lock + ").",
                    "wait for that run to finish, or stop it (Ctrl-C releases its lock); a lock of a running process is"
                            + " never broken");
            case UNKNOWN -> {
                if (breakStaleAfter.isEmpty() || !holder.get().olderThan(breakStaleAfter.get(), now)) {
                    throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "Another runner holds the lock of " + key
                            + " (" + who + "; milink cannot tell from here whether it still runs; lock file " + lock + ").",
                            "wait for it to finish; if that run is gone, run again with breakStaleLock(...) (CLI:"
                                    + " --break-stale-lock)");
                }
                breakLock(text, "The lock of " + key + " (" + who + ") was broken as asked (lock file " + lock + ").");
            }
            case GONE -> breakLock(text, "The lock of " + key + " was left by " + who + ", which is no longer running;"
                    + " milink broke it (lock file " + lock + "). The journal tells what that run did.");
            default -> breakLock(text, "The lock file " + lock + " was " + (text.isEmpty() ? "empty" : "unreadable")
                    + " (left by a run that failed while taking it, for example on a full disk); milink broke it.");
        }
    }

    /** Moves the lock aside atomically and checks it is the one judged stale before deleting it. */
    private void breakLock(String judged, String notice) throws IOException {
        Path aside = JournalIo.writeTemp(directory, lock.getFileName() + ".broken", "");
        try {
            Files.move(lock, aside, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (!judged.equals(JournalIo.readNoFollow(aside))) {
                // Another runner broke it and took it in the meantime: give its lock back.
                try {
                    Files.createLink(lock, aside);
                } catch (IOException | UnsupportedOperationException e) {
                    // it may have taken the lock again already; then nothing is to be given back
                }
                return;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return; // gone meanwhile
        } finally {
            JournalIo.deleteQuietly(aside);
        }
        notices.accept(notice);
    }

    private void release() {
        HELD.remove(lock);
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            notices.accept("Cannot remove the lock file " + lock + ": " + JournalIo.cause(e, directory) + "; the next run"
                    + " will find this process gone and break it.");
        }
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(RELEASER);
            hookInstalled = true;
        }
    }

    /** Removes every lock this process still holds, when they still name it: what Ctrl-C runs. */
    static void releaseAllHeld() {
        String self = "pid=" + ProcessHandle.current().pid() + "\n";
        for (Path lock : HELD) {
            try {
                String text = JournalIo.readNoFollow(lock);
                if (text != null && text.startsWith(self)) {
                    Files.deleteIfExists(lock);
                }
            } catch (IOException e) {
                // a shutdown cannot report; the next run breaks the lock of a process that is gone
            }
            HELD.remove(lock);
        }
    }

    /** @return whether this process holds the lock file (for tests and diagnostics) */
    static boolean held(Path lock) {
        return HELD.contains(lock);
    }
}
