/**
 * The typed steps a {@link dev.milink.LinkPlan} is made of: immutable records holding only the data they need,
 * validated in their constructors.
 *
 * <p>{@link dev.milink.step.Step} is sealed into three families, and the family says where a step runs:
 * {@link dev.milink.step.SqlServerStep} (T-SQL, rendered by {@code dev.milink.tsql}),
 * {@link dev.milink.step.ManagedInstanceStep} (Azure Resource Manager calls, run by {@code dev.milink.azure}) and
 * {@link dev.milink.step.CheckStep} (preflight checks and waits, evaluated by the runner). Each step has a
 * {@link dev.milink.step.StepId} unique in its plan, a one-line summary and the reason the plan needs it.
 * {@link dev.milink.step.Prerequisite} lists the preflight rules with their side, severity and fix.
 */
package dev.milink.step;
