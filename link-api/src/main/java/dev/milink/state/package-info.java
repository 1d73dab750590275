/**
 * What milink observed: immutable snapshots of each side, read in one round trip per side.
 *
 * <p>{@link dev.milink.state.SqlServerState} is SQL Server (or the Managed Instance's SQL engine) as its DMVs show
 * it: server facts, databases, certificates, the mirroring endpoint, availability groups with their replicas and
 * per-database synchronization, seeding and log space. {@link dev.milink.state.InstanceFacts},
 * {@link dev.milink.state.LinkResourceState} and {@link dev.milink.state.TrustCertificateState} are the Managed
 * Instance as Azure Resource Manager shows it. The runner decides "already done?" and the monitor derives
 * {@link dev.milink.LinkHealth} from these values only, so both can be tested without a server.
 */
package dev.milink.state;
