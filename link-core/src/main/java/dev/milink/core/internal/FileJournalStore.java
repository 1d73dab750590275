package dev.milink.core.internal;

import dev.milink.core.Journal;
import dev.milink.core.JournalStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Journals as text files, fsynced and replaced atomically (a fresh temp file in the same directory, then an atomic
 * move); a lock file per link set ({@link LockFile}). No journal, lock or temp file is read or written through a
 * symbolic link. Damage is {@code JOURNAL_CORRUPT}, I/O failures {@code JOURNAL_IO}.
 */
public final class FileJournalStore implements JournalStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Consumer<String> notices;

    /** @param directory where journals live; notices (a stale lock broken) are logged at WARN */
    public FileJournalStore(Path directory) {
        this(directory, LoggerFactory.getLogger(JournalStore.class)::warn);
    }

    /**
     * @param directory where journals live
     * @param notices receives what the store did on its own, for example a stale lock it broke
     */
    public FileJournalStore(Path directory, Consumer<String> notices) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /**
     * @param key a journal key
     * @return the journal file's path
     */
    public Path journalFile(String key) {
        return directory.resolve(baseName(key) + ".journal");
    }

    /**
     * @param key a journal key
     * @return the lock file's path
     */
    public Path lockFile(String key) {
        return directory.resolve(baseName(key) + ".lock");
    }

    @Override
    public Optional<Journal> load(String key) {
        Path file = journalFile(key);
        JournalIo.refuseLink(file, directory);
        String text;
        try {
            text = JournalIo.readNoFollow(file);
        } catch (IOException e) {
            throw JournalIo.failure("read the journal", file, directory, e);
        }
        return text == null ? Optional.empty() : Optional.of(JournalText.read(file.toString(), text, Optional.of(key)));
    }

    @Override
    public void save(Journal journal) {
        Path target = journalFile(journal.key());
        JournalIo.directory(directory);
        JournalIo.refuseLink(target, directory);
        Path temp = null;
        try {
            temp = JournalIo.writeTemp(directory, target.getFileName().toString(), JournalText.format(journal));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw JournalIo.failure("write the journal", target, directory, e);
        } finally {
            if (temp != null) {
                JournalIo.deleteQuietly(temp);
            }
        }
    }

    @Override
    public Lock lock(String key, Instant now, Optional<Duration> breakStaleAfter) {
        Lock lock = new LockFile(directory, lockFile(key), key, notices).take(now, breakStaleAfter);
        removeLeftoverTemps(journalFile(key));
        return lock;
    }

    @Override
    public Optional<String> discard(String key, Instant now, Optional<Duration> breakStaleAfter) {
        Path file = journalFile(key);
        try (Lock held = lock(key, now, breakStaleAfter)) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            String stamp = STAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
            for (int n = 1; ; n++) {
                Path aside = directory.resolve(file.getFileName() + ".discarded-" + stamp + (n == 1 ? "" : "-" + n));
                try {
                    // Without REPLACE_EXISTING: an earlier discarded journal is never overwritten.
                    Files.move(file, aside);
                    return Optional.of(aside.toString());
                } catch (FileAlreadyExistsException e) {
                    // try the next name
                }
            }
        } catch (IOException e) {
            throw JournalIo.failure("move aside the journal", file, directory, e);
        }
    }

    /** Temp files of a run killed inside a save; only called under the lock, so none is being written. */
    private void removeLeftoverTemps(Path journal) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, journal.getFileName() + ".*.tmp")) {
            temps.forEach(JournalIo::deleteQuietly);
        } catch (IOException e) {
            // harmless: a leftover temp file is never read
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static String baseName(String key) {
        String readable = key.replaceAll("^.*/managedInstances/", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        if (readable.length() > 80) {
            readable = readable.substring(0, 80);
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(sha, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
