/**
 * milink's runtime: preflight, the converging runner (journal, resume, rollback, retries, concurrency).
 * Speaks only to the ports of {@code dev.milink.api}; internals stay unexported.
 */
module dev.milink.core {
    requires transitive dev.milink.api;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.ratelimiter;
    requires org.slf4j;

    exports dev.milink.core;
}
