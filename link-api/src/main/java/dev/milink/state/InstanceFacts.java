package dev.milink.state;

/**
 * Facts about a Managed Instance read from Azure Resource Manager.
 *
 * @param name the resource name
 * @param fqdn {@code properties.fullyQualifiedDomainName}
 * @param collation {@code properties.collation}
 * @param updatePolicy {@code properties.databaseFormat}: {@code AlwaysUpToDate}, {@code SQLServer2022} or {@code SQLServer2025}
 * @param state {@code properties.state}, for example {@code Ready}
 */
public record InstanceFacts(String name, String fqdn, String collation, String updatePolicy, String state) {
}
