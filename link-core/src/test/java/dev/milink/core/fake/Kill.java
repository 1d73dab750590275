package dev.milink.core.fake;

/** Simulates the process dying at a point: an Error the runner must not catch. */
public final class Kill extends Error {
    private static final long serialVersionUID = 1L;

    /** @param where the point */
    public Kill(String where) {
        super("killed at " + where);
    }
}
