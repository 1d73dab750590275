/**
 * Describing a Managed Instance link and deriving plans from it.
 *
 * <p>Start at {@link dev.milink.Link}: {@code Link.from(sqlServer).database("SalesDb").to(managedInstance)} gives a
 * {@link dev.milink.LinkDefinition}, whose {@code plan...} methods derive an immutable {@link dev.milink.LinkPlan}
 * (create, drop, failover, split-brain repair, certificate rotation). Planning is pure: it validates every name
 * and option up front ({@link dev.milink.LinkPlanningException} names the option and the fix) and touches nothing.
 * The same plan is rendered as a script ({@code dev.milink.tsql}) and run ({@code dev.milink.core}).
 *
 * <p>Values ({@link dev.milink.DatabaseName}, {@link dev.milink.EndpointUrl}, {@link dev.milink.ManagedInstance},
 * {@link dev.milink.Secret}, ...) validate in their factories, so an invalid value cannot exist. Errors share one
 * unchecked root, {@link dev.milink.LinkException}, with a {@link dev.milink.LinkErrorCode} to branch on. The
 * documented procedure the planners follow is summarised, with its public sources, in the repository's
 * {@code docs/LINK-FACTS.md}.
 */
package dev.milink;
