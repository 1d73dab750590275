/**
 * The two ports the runtime speaks to, and what crosses them.
 *
 * <p>{@link dev.milink.port.SqlServerPort} (implemented over JDBC by {@code dev.milink.jdbc}) and
 * {@link dev.milink.port.ManagedInstancePort} (implemented over Azure Resource Manager by {@code dev.milink.azure})
 * each observe their side and apply one step at a time. {@link dev.milink.port.StepInputs} carries the values a
 * step learns only at run time (the Managed Instance's FQDN and certificate, SQL Server's certificate, the secrets);
 * {@link dev.milink.port.StepResult} says what a step changed. Each port method documents its cost in round trips;
 * tests may implement the ports in memory.
 */
package dev.milink.port;
