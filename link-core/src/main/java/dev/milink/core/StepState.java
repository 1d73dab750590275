package dev.milink.core;

/** Where a step stands in a journal. */
public enum StepState {
    /** Not started. */
    PENDING,
    /** Started (the object was absent when observed) and not known to have finished: re-observed on resume. */
    RUNNING,
    /** Finished (applied, or found already in place). */
    DONE,
    /** Failed; the run stopped there. */
    FAILED,
    /** Undone by a rollback. */
    ROLLED_BACK
}
