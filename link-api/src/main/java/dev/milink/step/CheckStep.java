package dev.milink.step;

/** A step that changes nothing: a prerequisite check or a wait for a state. */
public sealed interface CheckStep extends Step permits VerifyPrerequisite, AwaitSynchronization, AwaitLsnAlignment {
}
