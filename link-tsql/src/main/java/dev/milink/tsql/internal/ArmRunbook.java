package dev.milink.tsql.internal;

import static dev.milink.tsql.TsqlQuoting.commentText;

import dev.milink.LinkSpec;
import dev.milink.ManagedInstance;
import dev.milink.arm.ArmRequest;
import dev.milink.arm.ArmRequests;
import dev.milink.arm.ArmValues;
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
import java.util.Optional;

/**
 * The Azure side of the runbook: for each Managed Instance step, the equivalent {@code az} command and
 * REST call as {@code --} comment lines (line comments, because T-SQL block comments nest and a name
 * could otherwise open one).
 */
final class ArmRunbook {

    /** The public-cloud ARM endpoint the printed REST calls use. */
    private static final String ARM_ENDPOINT = "https://management.azure.com";

    private ArmRunbook() {
    }

    static List<String> commands(ManagedInstanceStep step, LinkSpec spec) {
        ManagedInstance mi = spec.managedInstance();
        ArmRequest request = ArmRequests.forScript(step, mi.resourceId());
        List<String> lines = new ArrayList<>();
        step.accept(new AzCommand(" -g " + mi.resourceGroup() + " --mi " + mi.name() + " --subscription "
                + mi.subscriptionId())).ifPresent(lines::add);
        lines.add("REST: " + request.method() + " " + request.url(ARM_ENDPOINT));
        request.body().ifPresent(body -> lines.add("      " + body));
        return lines.stream().map(l -> "--   " + commentText(l)).toList();
    }

    /** The {@code az} command per step kind; setRole has none (the CLI does not offer it). */
    private record AzCommand(String target) implements ManagedInstanceStep.Visitor<Optional<String>> {

        private static final String AZ = "az: az sql mi ";

        @Override
        public Optional<String> visit(UploadTrustCertificate s) {
            return Optional.of(AZ + "partner-cert create" + target + " -n " + sh(s.certificateName())
                    + " --public-blob " + ArmRequests.PUBLIC_KEY_PLACEHOLDER);
        }

        @Override
        public Optional<String> visit(CreateManagedInstanceLink s) {
            return Optional.of(AZ + "link create" + target + " -n " + sh(s.linkName()) + " --partner-endpoint "
                    + s.partnerEndpoint() + " --partner-ag-name " + sh(s.partnerAvailabilityGroup()) + " --instance-ag-name "
                    + sh(s.instanceAvailabilityGroup()) + " --databases " + sh("[{database-name:" + s.target().value() + "}]")
                    + " --instance-link-role " + ArmValues.of(s.instanceLinkRole()) + " --failover-mode "
                    + ArmValues.failoverMode(s.manualFailover()) + " --seeding-mode " + ArmValues.of(s.seedingMode()));
        }

        @Override
        public Optional<String> visit(DeleteManagedInstanceLink s) {
            return Optional.of(AZ + "link delete" + target + " -n " + sh(s.linkName()) + " --yes");
        }

        @Override
        public Optional<String> visit(DeleteTrustCertificate s) {
            return Optional.of(AZ + "partner-cert delete" + target + " -n " + sh(s.certificateName()) + " --yes");
        }

        @Override
        public Optional<String> visit(SetLinkReplicationMode s) {
            return Optional.of(AZ + "link update" + target + " -n " + sh(s.linkName()) + " --replication-mode " + ArmValues.of(s.mode()));
        }

        @Override
        public Optional<String> visit(FailoverManagedInstanceLink s) {
            return Optional.of(AZ + "link failover" + target + " -n " + sh(s.linkName()) + " --failover-type " + ArmValues.of(s.type()));
        }

        @Override
        public Optional<String> visit(SetManagedInstanceRole s) {
            return Optional.empty();
        }
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
}
