package dev.milink.testkit.sql;

/** Lets a running statement notice that the client sent an ATTENTION (query timeout or cancel). */
@FunctionalInterface
public interface CancelSignal {

    /** A signal that is never raised. */
    CancelSignal NEVER = () -> false;

    /** @return true once the client has asked to cancel the current request */
    boolean isCancelled();
}
