/**
 * A test double of Azure Resource Manager (ARM) and of Azure SQL Managed Instance, for testing Managed Instance
 * link automation without Azure. It is <strong>not Azure</strong>: it imitates the documented REST surface closely
 * enough for the real {@code azure-resourcemanager-sql} client to work against it unchanged.
 *
 * <h2>What it models</h2>
 * <ul>
 *   <li>{@code Microsoft.Sql/managedInstances/{name}} (GET only; instances are declared with
 *       {@link dev.milink.testkit.arm.ArmSimulator#builder()}), with FQDN, collation, database format, state.</li>
 *   <li>{@code .../databases} (GET, list, DELETE): user databases declared in the builder, plus the databases of
 *       links that finished seeding; a seeded database stays when its link is deleted; DELETE is refused while a
 *       link holds the database.</li>
 *   <li>{@code .../serverTrustCertificates} (PUT, GET, list, DELETE): blob accepted with or without {@code 0x},
 *       stored without; thumbprint = upper-case SHA-1 of the blob; a duplicate (same key under another name, or
 *       another key under a name in use) is refused with 400 {@code CertificateAlreadyExists}; {@code publicBlob}
 *       is never returned where the api-version's spec marks it {@code x-ms-secret} (2021-11-01).</li>
 *   <li>{@code .../endpointCertificates} (GET, list): {@code DATABASE_MIRRORING} and {@code SERVICE_BROKER},
 *       real X.509 certificates minted per instance for its FQDN, rendered as {@code 0x}-prefixed hex.</li>
 *   <li>{@code .../distributedAvailabilityGroups} (PUT, GET, list, PATCH, DELETE, POST {@code failover},
 *       POST {@code setRole}) in the new schema (2023-05-01-preview and later, e.g. 2025-01-01) and the old one
 *       (2021-11-01, 2023-08-01) the typed client speaks; one stored resource, rendered per request api-version.</li>
 *   <li>ARM behaviour: case-insensitive ids echoed with their creation casing, ARM error bodies and codes
 *       ({@code ResourceNotFound}, {@code ParentResourceNotFound}, {@code RemoteDatabaseExists},
 *       {@code DatabaseNumberLimitReached}, {@code ConflictingServerOperation}, the setRole and failover 409s),
 *       {@code nextLink} paging, long-running operations in the {@code Azure-AsyncOperation}, {@code Location} and
 *       {@code ACCEPTED} (202 with both headers, creates included) styles, {@code x-ms-request-id} and
 *       {@code x-ms-correlation-request-id} on every answer, a request journal and fault injection.</li>
 *   <li>api-versions per operation as published in the Microsoft.Sql specs: any other answers 400
 *       {@code InvalidApiVersionParameter} in ARM's message shape.</li>
 *   <li>Link state is plain data ({@link dev.milink.testkit.arm.SimulatedLink}) driven by a
 *       {@link dev.milink.testkit.arm.DagLifecycle}: by default a new link is healthy at once.</li>
 * </ul>
 *
 * <h2>What it does not model</h2>
 * <ul>
 *   <li>No authentication or RBAC: any bearer token (or none) is accepted; no provider registration.</li>
 *   <li>No real replication, seeding, log backups or certificate validation; only what a lifecycle sets.</li>
 *   <li>No other resource types (servers, managed databases as writable resources, failover groups, ...), no
 *       instance create/update/stop/start, no tags API, no ETags or {@code If-Match}, no {@code $expand}.</li>
 *   <li>A single region per instance, no subscriptions or resource groups beyond those implied by declared
 *       instances, no cross-instance effects (a linked world couples instances if needed).</li>
 *   <li>A DAG being created is visible to GET at once; other changes are committed only when their operation
 *       completes. Failed and canceled operations in the {@code Location} style answer the poll with the error.</li>
 *   <li>Timing is by poll count (an operation completes on its N-th status poll) unless a clock is given
 *       ({@code lroClock}): then it completes on the clock, polled or not.</li>
 *   <li>No throttling headers, no operation-status {@code startTime}/{@code percentComplete}; asynchronous link
 *       failures only when injected.</li>
 * </ul>
 */
package dev.milink.testkit.arm;
