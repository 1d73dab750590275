package dev.milink.testkit.world;

import java.util.List;
import java.util.Map;

/**
 * The Managed Instance as ARM shows it, as comparable data.
 *
 * @param trustCertificates server trust certificates: name to thumbprint, in upload order
 * @param databases the instance's databases ({@code GET .../databases})
 * @param links the links, in creation order
 */
public record ArmSnapshot(Map<String, String> trustCertificates, List<String> databases, List<Link> links) {

    /**
     * Copies the maps and lists, so a snapshot never changes after it is taken.
     *
     * @param trustCertificates server trust certificates: name to thumbprint, in upload order
     * @param databases the instance's databases ({@code GET .../databases})
     * @param links the links, in creation order
     */
    public ArmSnapshot {
        trustCertificates = Map.copyOf(trustCertificates);
        databases = List.copyOf(databases);
        links = List.copyOf(links);
    }

    /**
     * One link.
     *
     * @param name the DAG name
     * @param instanceLinkRole {@code Primary} or {@code Secondary}
     * @param partnerLinkRole {@code Primary} or {@code Secondary}
     * @param replicationMode {@code Async} or {@code Sync}
     * @param databases per-database state
     */
    public record Link(String name, String instanceLinkRole, String partnerLinkRole, String replicationMode,
            List<Database> databases) {

        /**
         * Copies the database list.
         *
         * @param name the DAG name
         * @param instanceLinkRole {@code Primary} or {@code Secondary}
         * @param partnerLinkRole {@code Primary} or {@code Secondary}
         * @param replicationMode {@code Async} or {@code Sync}
         * @param databases per-database state
         */
        public Link {
            databases = List.copyOf(databases);
        }
    }

    /**
     * One database of a link.
     *
     * @param name the database
     * @param replicaState {@code replicaState}
     * @param seedingProgress {@code seedingProgress} or null
     * @param synchronizationHealth {@code synchronizationHealth}
     * @param connectedState {@code connectedState}
     * @param lastHardenedLsn {@code lastHardenedLsn} or null
     * @param mostRecentLinkError {@code mostRecentLinkError} or null
     */
    public record Database(String name, String replicaState, String seedingProgress, String synchronizationHealth,
            String connectedState, String lastHardenedLsn, String mostRecentLinkError) {
    }
}
