/**
 * milink's runtime.
 *
 * <p>{@link dev.milink.core.Preflight} evaluates a plan's checks without changing anything (one SQL Server round
 * trip, at most three ARM reads). {@link dev.milink.core.LinkRunner} runs a plan the converging way: one
 * observation, then per step "already done?" from that observation, apply only what is missing, journal before and
 * after each step ({@link dev.milink.core.JournalStore}), links in parallel, transient failures retried. A killed run
 * is continued with {@code resume}; {@code rollback} removes what the journal says the run created.
 */
package dev.milink.core;
