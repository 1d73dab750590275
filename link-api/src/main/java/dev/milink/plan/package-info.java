/**
 * The planners (not exported): pure functions from a {@link dev.milink.LinkSpec} to a {@link dev.milink.LinkPlan}.
 *
 * <p>{@link dev.milink.plan.CreatePlanner}, {@link dev.milink.plan.DropPlanner} and
 * {@link dev.milink.plan.LifecyclePlanner} follow the documented procedure (the repository's
 * {@code docs/LINK-FACTS.md}) and are reached through {@link dev.milink.LinkDefinition}. They build plans through
 * {@link dev.milink.plan.PlanAccess}, the only way to construct a {@code LinkPlan}.
 */
package dev.milink.plan;
