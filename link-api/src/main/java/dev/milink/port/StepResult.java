package dev.milink.port;

import java.util.Optional;

/**
 * What applying a step did.
 *
 * @param changed whether anything was created or modified (false when it was already in place)
 * @param certificate a certificate the step produced or read (SQL Server's endpoint certificate), if any
 * @param detail a short human-readable note, never containing secrets
 */
public record StepResult(boolean changed, Optional<byte[]> certificate, String detail) {

    /**
     * @param detail a note
     * @return a result for a step that changed something
     */
    public static StepResult changed(String detail) {
        return new StepResult(true, Optional.empty(), detail);
    }

    /**
     * @param detail a note
     * @return a result for a step that found everything in place
     */
    public static StepResult unchanged(String detail) {
        return new StepResult(false, Optional.empty(), detail);
    }

    /**
     * @param der a certificate to return
     * @return a copy carrying it
     */
    public StepResult withCertificate(byte[] der) {
        return new StepResult(changed, Optional.of(der.clone()), detail);
    }
}
