/**
 * {@link dev.milink.azure.ArmManagedInstancePort}: implements {@link dev.milink.port.ManagedInstancePort} over
 * Azure Resource Manager with azure-resourcemanager-sql's pipeline. Server trust certificates, the endpoint
 * certificate and databases use the SDK's typed clients; the instance and distributed availability groups
 * (links) are sent as api-version 2025-01-01 requests through the same pipeline, because the SDK's typed
 * models (api-version 2021-11-01) lack {@code databaseFormat}, {@code databases[]}, {@code failoverMode},
 * failover and setRole.
 */
package dev.milink.azure;
