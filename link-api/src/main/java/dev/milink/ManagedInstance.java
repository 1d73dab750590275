package dev.milink;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Azure SQL Managed Instance, identified by its Azure resource id parts, optionally with its
 * fully qualified domain name when it is already known (otherwise it is read from Azure at run time
 * and appears as the SQLCMD variable {@code $(ManagedInstanceFqdn)} in rendered scripts).
 */
public final class ManagedInstance {

    private static final Pattern RESOURCE_ID = Pattern.compile(
            "(?i)^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Sql/managedInstances/([^/]+)/?$");

    private final String subscriptionId;
    private final String resourceGroup;
    private final String name;
    private final String fqdn;

    private ManagedInstance(String subscriptionId, String resourceGroup, String name, String fqdn) {
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.fqdn = fqdn;
    }

    /**
     * @param subscriptionId the subscription GUID
     * @param resourceGroup the resource group
     * @param name the instance's resource name
     * @return the instance
     * @throws LinkPlanningException when a value breaks Azure's naming rules
     */
    public static ManagedInstance of(String subscriptionId, String resourceGroup, String name) {
        return new ManagedInstance(NameRules.subscriptionId(subscriptionId), NameRules.resourceGroup(resourceGroup),
                NameRules.managedInstanceName(name), null);
    }

    /**
     * @param resourceId {@code /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Sql/managedInstances/<name>}
     * @return the instance
     * @throws LinkPlanningException when the id has another shape
     */
    public static ManagedInstance fromResourceId(String resourceId) {
        Matcher m = resourceId == null ? null : RESOURCE_ID.matcher(resourceId);
        if (m == null || !m.matches()) {
            throw new LinkPlanningException("managedInstance", NameRules.printable(resourceId),
                    "a Managed Instance resource id has the shape /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Sql/managedInstances/<name>",
                    "copy it from 'az sql mi show --query id'");
        }
        return of(m.group(1), m.group(2), m.group(3));
    }

    /**
     * @param fullyQualifiedDomainName the instance's FQDN, for example {@code sqlmi-prod-01.0123abcd.database.windows.net}
     * @return a copy that knows its FQDN
     */
    public ManagedInstance withFqdn(String fullyQualifiedDomainName) {
        String host = NameRules.host("managedInstance.fqdn", fullyQualifiedDomainName).toLowerCase(Locale.ROOT);
        if (!host.startsWith(name + ".")) {
            throw new LinkPlanningException("managedInstance.fqdn", NameRules.printable(fullyQualifiedDomainName),
                    "a Managed Instance FQDN starts with the instance name '" + name + ".'",
                    "use properties.fullyQualifiedDomainName of the instance");
        }
        return new ManagedInstance(subscriptionId, resourceGroup, name, host);
    }

    /** @return the subscription id */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** @return the resource group */
    public String resourceGroup() {
        return resourceGroup;
    }

    /** @return the instance's resource name */
    public String name() {
        return name;
    }

    /** @return the FQDN when known at plan time */
    public Optional<String> fqdn() {
        return Optional.ofNullable(fqdn);
    }

    /** @return the ARM resource id */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Sql/managedInstances/" + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManagedInstance other && resourceId().equalsIgnoreCase(other.resourceId())
                && Objects.equals(fqdn, other.fqdn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resourceId().toLowerCase(Locale.ROOT), fqdn);
    }

    @Override
    public String toString() {
        return "ManagedInstance[" + resourceId() + (fqdn == null ? "" : ", " + fqdn) + "]";
    }
}
