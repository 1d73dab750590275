package dev.milink.tsql.internal;

import static dev.milink.tsql.TsqlQuoting.commentText;

import dev.milink.LinkSpec;
import dev.milink.ManagedInstance;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;
import java.util.ArrayList;
import java.util.List;

/**
 * The Azure side of the runbook: for each Managed Instance step, the equivalent {@code az} command and
 * REST call as {@code --} comment lines (line comments, because T-SQL block comments nest and a name
 * could otherwise open one).
 */
final class ArmRunbook {

    /** The api-version milink uses for distributed availability groups. */
    static final String API_VERSION = "2025-01-01";

    private ArmRunbook() {
    }

    static List<String> commands(ManagedInstanceStep step, LinkSpec spec) {
        ManagedInstance mi = spec.managedInstance();
        String base = "https://management.azure.com" + mi.resourceId();
        String az = "az sql mi ";
        String target = " -g " + mi.resourceGroup() + " --mi " + mi.name() + " --subscription " + mi.subscriptionId();
        List<String> lines = new ArrayList<>();
        if (step instanceof UploadTrustCertificate s) {
            lines.add("az: " + az + "partner-cert create" + target + " -n " + sh(s.certificateName())
                    + " --public-blob <SQLServerPublicKey printed above>");
            lines.add("REST: PUT " + base + "/serverTrustCertificates/" + url(s.certificateName()) + "?api-version=" + API_VERSION);
            lines.add("      {\"properties\":{\"publicBlob\":\"<SQLServerPublicKey printed above>\"}}");
        } else if (step instanceof CreateManagedInstanceLink s) {
            lines.add("az: " + az + "link create" + target + " -n " + sh(s.linkName()) + " --partner-endpoint "
                    + s.partnerEndpoint() + " --partner-ag-name " + sh(s.partnerAvailabilityGroup()) + " --instance-ag-name "
                    + sh(s.instanceAvailabilityGroup()) + " --databases " + sh("[{database-name:" + s.target().value() + "}]")
                    + " --instance-link-role " + s.instanceLinkRole().armValue() + " --failover-mode "
                    + s.failoverModeValue() + " --seeding-mode " + s.seedingMode().armValue());
            lines.add("REST: PUT " + base + "/distributedAvailabilityGroups/" + url(s.linkName()) + "?api-version=" + API_VERSION);
            lines.add("      {\"properties\":{\"databases\":[{\"databaseName\":\"" + json(s.target().value())
                    + "\"}],\"partnerEndpoint\":\"" + s.partnerEndpoint() + "\",\"partnerAvailabilityGroupName\":\""
                    + json(s.partnerAvailabilityGroup()) + "\",\"instanceAvailabilityGroupName\":\""
                    + json(s.instanceAvailabilityGroup()) + "\",\"instanceLinkRole\":\"" + s.instanceLinkRole().armValue()
                    + "\",\"failoverMode\":\"" + s.failoverModeValue() + "\",\"seedingMode\":\""
                    + s.seedingMode().armValue() + "\"}}");
        } else if (step instanceof DeleteManagedInstanceLink s) {
            lines.add("az: " + az + "link delete" + target + " -n " + sh(s.linkName()) + " --yes");
            lines.add("REST: DELETE " + base + "/distributedAvailabilityGroups/" + url(s.linkName()) + "?api-version=" + API_VERSION);
        } else if (step instanceof DeleteTrustCertificate s) {
            lines.add("az: " + az + "partner-cert delete" + target + " -n " + sh(s.certificateName()) + " --yes");
            lines.add("REST: DELETE " + base + "/serverTrustCertificates/" + url(s.certificateName()) + "?api-version=" + API_VERSION);
        } else if (step instanceof SetLinkReplicationMode s) {
            lines.add("az: " + az + "link update" + target + " -n " + sh(s.linkName()) + " --replication-mode " + s.mode().armValue());
            lines.add("REST: PATCH " + base + "/distributedAvailabilityGroups/" + url(s.linkName()) + "?api-version=" + API_VERSION);
            lines.add("      {\"properties\":{\"replicationMode\":\"" + s.mode().armValue() + "\"}}");
        } else if (step instanceof FailoverManagedInstanceLink s) {
            lines.add("az: " + az + "link failover" + target + " -n " + sh(s.linkName()) + " --failover-type " + s.type().armValue());
            lines.add("REST: POST " + base + "/distributedAvailabilityGroups/" + url(s.linkName()) + "/failover?api-version=" + API_VERSION);
            lines.add("      {\"failoverType\":\"" + s.type().armValue() + "\"}");
        } else if (step instanceof SetManagedInstanceRole s) {
            lines.add("REST: POST " + base + "/distributedAvailabilityGroups/" + url(s.linkName()) + "/setRole?api-version=" + API_VERSION);
            lines.add("      {\"instanceRole\":\"" + s.role().armValue() + "\",\"roleChangeType\":\""
                    + (s.forced() ? "Forced" : "Planned") + "\"}");
        }
        return lines.stream().map(l -> "--   " + commentText(l)).toList();
    }

    /** @return how to read what an ARM-side check needs, as comment lines */
    static List<String> check(VerifyPrerequisite step, LinkSpec spec) {
        ManagedInstance mi = spec.managedInstance();
        String target = " -g " + mi.resourceGroup() + " -n " + mi.name() + " --subscription " + mi.subscriptionId();
        String line;
        switch (step.prerequisite()) {
            case COLLATION_MATCH:
                line = "az sql mi show" + target + " --query collation   (compare with SqlServerCollation below)";
                break;
            case UPDATE_POLICY:
                line = "az sql mi show" + target + " --query databaseFormat   (expect SQLServer" + spec.sqlServerVersion().displayName().substring(11) + ")";
                break;
            case LINK_CAPACITY:
                line = "az sql midb list -g " + mi.resourceGroup() + " --mi " + mi.name() + " --query \"length(@)\"   (under 100; 500 on Next-gen)";
                break;
            case DATABASE_NAME_FREE:
            case DATABASE_ON_MANAGED_INSTANCE:
                line = "az sql midb show -g " + mi.resourceGroup() + " --mi " + mi.name() + " -n "
                        + sh(step.target().map(Object::toString).orElse("")) + "   (expect "
                        + (step.prerequisite().name().endsWith("FREE") ? "ResourceNotFound)" : "the database)");
                break;
            case LINK_NAME_FREE:
                line = "az sql mi link list -g " + mi.resourceGroup() + " --mi " + mi.name() + " --query \"[].name\"";
                break;
            case ENDPOINT_REACHABLE:
                line = "Test-NetConnection " + spec.sqlServer().endpoint().host() + " -Port " + spec.endpointPort()
                        + "   (from the Managed Instance subnet; see facts: network checker)";
                break;
            default:
                return List.of();
        }
        return List.of("--   " + commentText(line));
    }

    /** Quotes an argument for a POSIX shell unless it is plainly safe, so a pasted command cannot run more. */
    static String sh(String arg) {
        if (arg.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String url(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
