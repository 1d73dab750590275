/**
 * Plans rendered as T-SQL, with no driver and no I/O.
 *
 * <p>{@link dev.milink.tsql.TsqlScript#render(dev.milink.LinkPlan)} gives the SQLCMD-mode runbook a DBA reviews and
 * can run by hand: values learned only at run time are SQLCMD variables such as {@code $(MasterKeyPassword)}, and
 * the Managed Instance steps appear as commented Azure CLI and REST commands.
 * {@link dev.milink.tsql.TsqlScript#statements(dev.milink.step.SqlServerStep, dev.milink.port.StepInputs)} gives the
 * same batches with those values filled in: exactly what {@code dev.milink.jdbc} sends, so what is reviewed is what
 * runs. {@link dev.milink.tsql.TsqlQuoting} is the one place identifiers and literals are quoted.
 */
package dev.milink.tsql;
