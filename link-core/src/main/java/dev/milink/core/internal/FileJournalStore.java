package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.core.Journal;
import dev.milink.core.JournalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** Journals as text files, fsynced and replaced atomically; a lock file per link set. */
public final class FileJournalStore implements JournalStore {

    private final Path directory;

    /** @param directory where journals live */
    public FileJournalStore(Path directory) {
        this.directory = directory;
    }

    /**
     * @param key a journal key
     * @return the journal file's path
     */
    public Path journalFile(String key) {
        return directory.resolve(baseName(key) + ".journal");
    }

    private Path lockFile(String key) {
        return directory.resolve(baseName(key) + ".lock");
    }

    @Override
    public Optional<Journal> load(String key) {
        try {
            return Optional.of(JournalText.parse(Files.readString(journalFile(key), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journalFile(key), e);
        }
    }

    @Override
    public void save(Journal journal) {
        Path target = journalFile(journal.key());
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve(target.getFileName() + ".tmp");
            writeSynced(temp, JournalText.format(journal), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + target, e);
        }
    }

    @Override
    public Lock lock(String key, Instant now, Optional<Duration> breakStaleAfter) {
        Path lock = lockFile(key);
        String owner = "pid=" + ProcessHandle.current().pid() + "\nhost=" + host() + "\nacquired=" + now + "\n";
        try {
            Files.createDirectories(directory);
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    writeSynced(lock, owner, StandardOpenOption.CREATE_NEW);
                    return () -> release(lock);
                } catch (FileAlreadyExistsException e) {
                    LockOwner holder = LockOwner.parse(readOrEmpty(lock));
                    if (attempt == 0 && holder.stale(now, breakStaleAfter, host())) {
                        Files.deleteIfExists(lock);
                        continue;
                    }
                    throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "Another runner holds the lock of " + key
                            + " (" + holder.describe(now) + ", lock file " + lock + ").",
                            "wait for it to finish; if it died, pass breakStaleLock(...) or delete the lock file");
                }
            }
            throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "The lock of " + key + " was taken again while breaking it.",
                    "retry once the other runner has finished");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take lock " + lock, e);
        }
    }

    private static void release(Path lock) {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release lock " + lock, e);
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static void writeSynced(Path file, String text, StandardOpenOption... options) throws IOException {
        java.util.Set<StandardOpenOption> opts = new java.util.HashSet<>(java.util.List.of(options));
        opts.add(StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, opts)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
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
