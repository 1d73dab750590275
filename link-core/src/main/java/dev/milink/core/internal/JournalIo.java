package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * File operations of the journal directory that never follow a link planted at a journal, lock or temp file name,
 * and the {@code JOURNAL_IO} errors that name the path, the cause and the fix.
 */
final class JournalIo {

    private JournalIo() {
    }

    /** Creates the directory, refusing a regular file in its place with a clear error. */
    static void directory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw failure("create the journal directory", directory, directory, e);
        }
    }

    /** Refuses a symbolic link at a name milink writes or reads (someone with write access to the directory planted it). */
    static void refuseLink(Path file, Path directory) {
        if (Files.isSymbolicLink(file)) {
            throw new LinkException(LinkErrorCode.JOURNAL_IO, "The journal directory holds a symbolic link at " + file
                    + "; milink never reads or writes a journal or lock through a link.",
                    "remove the link (check who could write into " + directory + ") and run the same command again");
        }
    }

    /** @return the file's bytes as text, read without following a link; null when the file does not exist */
    static String readNoFollow(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // removed since the check: a lock released meanwhile
        }
    }

    /**
     * Writes the text to a new temp file in the directory (a fresh random name, created exclusively, so a file or
     * link planted under a guessed name is never reused), fsynced.
     *
     * @return the temp file; the caller moves or deletes it
     */
    static Path writeTemp(Path directory, String prefix, String text) throws IOException {
        Path temp = Files.createTempFile(directory, prefix + ".", ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the caller reports the failure that matters
        }
    }

    /**
     * @param action what milink tried, for example {@code write the journal}
     * @param path the file or directory
     * @param directory the journal directory, named in the fix
     * @param e the cause
     * @return a {@code JOURNAL_IO} error naming the cause in plain words
     */
    static LinkException failure(String action, Path path, Path directory, IOException e) {
        return new LinkException(LinkErrorCode.JOURNAL_IO, "Cannot " + action + " " + path + ": " + cause(e, directory) + ".",
                "make " + directory + " a writable directory with free space (or give another one with "
                        + "LinkRunner.journal(...) (CLI: --journal-dir DIR)), then run the same command again: steps"
                        + " already done are observed on the live state, not repeated", e);
    }

    static String cause(IOException e, Path directory) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return directory + " is not a directory";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space")) {
            return "the disk is full";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("access is denied")) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
