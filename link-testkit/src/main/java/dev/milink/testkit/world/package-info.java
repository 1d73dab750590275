/**
 * The linked world: a <b>test double</b> that joins a simulated SQL Server, a simulated Azure SQL Managed
 * Instance (its SQL endpoint in Managed Instance flavor and a simulated ARM) and one clock, so the documented
 * Managed Instance link sequence runs end to end through the real mssql-jdbc driver and the real Azure SDK.
 * Not SQL Server, not Azure. Entry point: {@link dev.milink.testkit.world.LinkedWorld#builder()}.
 *
 * <h2>What it models</h2>
 * <ul>
 *   <li>Link matching: SQL Server's DAG (member 1 = local AG, member 2 = the MI AG with
 *       {@code LISTENER_URL 'tcp://<fqdn>:5022;Server=[<mi>]'}) and the ARM DAG PUT of the same name must agree on
 *       AG names, partner endpoint and (opposite) roles; otherwise 41976 / 41986.</li>
 *   <li>Trust both ways: the SQL Server endpoint certificate's SHA-1 thumbprint must be an uploaded server trust
 *       certificate (else 41973), SQL Server must hold a certificate named exactly the MI FQDN with the instance's
 *       DER and a trusted issuer for {@code *.database.windows.net} (else 41974). Failures show as the remote
 *       replica's last connect error on SQL Server and {@code LinkInitError} + {@code mostRecentLinkError} in ARM,
 *       and are re-checked on every tick, so fixing the trust lets the link connect. An ARM link whose SQL Server
 *       half does not appear within 5 simulated minutes reports 41962.</li>
 *   <li>Seeding from the primary (SQL Server, or the instance for an MI-primary link with an empty AG,
 *       {@code GRANT CREATE ANY DATABASE} and {@code ;Database=[db]}) at a configurable speed of simulated time,
 *       visible in {@code sys.dm_hadr_automatic_seeding} / {@code sys.dm_hadr_physical_seeding_stats} on both
 *       endpoints and as {@code Seeding} / {@code seedingProgress} in ARM; the destination database is RESTORING
 *       until it completes. A destination database that already exists fails seeding (failure_state 23); a log
 *       backup during seeding is recorded and, by default, fails seeding with 1412 ({@code LinkCreationError}).</li>
 *   <li>Replication of committed rows from the only primary to the secondary: after the replication delay in
 *       asynchronous mode, at once in synchronous mode (the primary side's setting: SQL Server's DAG availability
 *       modes, or ARM {@code replicationMode} when the instance is primary). LSNs, synchronization state
 *       (SYNCHRONIZING / SYNCHRONIZED), lag and ARM {@code Catchup}/{@code HEALTHY}/{@code CONNECTED} follow.</li>
 *   <li>Planned failover (ARM {@code failover Planned}, refused with 409
 *       {@code DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing} unless replicating with equal LSNs;
 *       T-SQL {@code FAILOVER} on the primary of either endpoint, which needs SYNCHRONIZED), forced failover (ARM
 *       {@code ForcedAllowDataLoss}, ARM {@code setRole Primary Forced}, T-SQL {@code FORCE_FAILOVER_ALLOW_DATA_LOSS})
 *       with loss of in-flight rows and split brain, and repair by demotion ({@code SET (ROLE = SECONDARY)}, ARM
 *       {@code setRole Secondary}), after which the demoted side is re-synchronised from the primary.</li>
 *   <li>Drop in either order: ARM DELETE removes the instance's AG and DAG (the database stays, read/write);
 *       {@code DROP AVAILABILITY GROUP} on SQL Server disconnects the instance side.</li>
 * </ul>
 *
 * <h2>What it does not model</h2>
 * <ul>
 *   <li>Time is lazy: state advances when something observes the world (a SQL statement, an ARM request,
 *       {@code tick()}), never in the background. LRO completion is still by poll count (the ARM simulator's rule).</li>
 *   <li>One database per link, one Managed Instance per world, one SQL Server replica per AG; no WSFC, listeners,
 *       readable-secondary routing, Business Critical replicas, network checks or UCS ports.</li>
 *   <li>Replication copies whole rows of append-only tables (the engine has no UPDATE/DELETE); schema changes other
 *       than new tables are not replicated; log blocks are per write, not per transaction of several statements.</li>
 *   <li>Certificate validity (expiry, chain building, revocation) is not evaluated; an expired SQL Server
 *       certificate does not break the link; endpoint certificate rotation is not simulated.</li>
 *   <li>Seeding is not restarted after failures or failovers, never times out after 6 days, and shares no
 *       bandwidth between links; {@code SESSION_TIMEOUT}, log send/redo queue sizes and the automatic switch to
 *       synchronous commit during an ARM planned failover are not modelled.</li>
 *   <li>Versions and update policy are not enforced by the world (a SQL Server 2019 may fail back); the
 *       preflight is the SDK's job.</li>
 * </ul>
 */
package dev.milink.testkit.world;
