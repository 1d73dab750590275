/**
 * What a run tells its listeners while it works.
 *
 * <p>{@link dev.milink.event.LinkEvent} is a sealed family (plan started and finished; step started, skipped,
 * completed, retried and failed; progress of long waits; warnings; health changes); a {@link dev.milink.event.LinkListener} receives them in order. A
 * listener that throws is logged and never breaks the run, so a progress display cannot leave a half-built link.
 */
package dev.milink.event;
