package dev.milink.testkit.world;

import dev.milink.testkit.arm.LinkRole;
import dev.milink.testkit.arm.SimulatedLink;
import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.EndpointInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.ReplicaInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the two halves of a link fit together and trust each other (docs/LINK-FACTS.md sections 2.3-2.9, 11): the DAG
 * member names, the listener URL of the Managed Instance member, the partner endpoint, the roles, and
 * certificate trust in both directions. The first problem found wins, as a real link reports one error.
 */
final class TrustCheck {

    private static final Pattern MI_URL = Pattern.compile(
            "(?i)tcp://([^:;/]+):(\\d+);\\s*Server=\\[([^\\]]+)\\](?:;\\s*Database=\\[([^\\]]+)\\])?\\s*");

    private final WorldContext ctx;

    TrustCheck(WorldContext ctx) {
        this.ctx = ctx;
    }

    /** @return the fault, or empty when the link can connect */
    Optional<LinkFault> check(AvailabilityGroupInfo sqlDag, SimulatedLink link) {
        ReplicaInfo local = sqlDag.localReplica().orElse(null);
        ReplicaInfo remote = sqlDag.replicas().stream().filter(r -> !r.local()).findFirst().orElse(null);
        if (local == null || remote == null) {
            return Optional.of(LinkFault.init(41976, "The distributed availability group '" + sqlDag.name()
                    + "' on SQL Server has no local and remote member."));
        }
        if (!local.serverName().equalsIgnoreCase(link.partnerAvailabilityGroupName())
                || !remote.serverName().equalsIgnoreCase(link.instanceAvailabilityGroupName())) {
            return Optional.of(LinkFault.init(41976, "Availability group '" + remote.serverName()
                    + "' is not responding: SQL Server joins '" + local.serverName() + "' with '" + remote.serverName()
                    + "' but the Managed Instance link names '" + link.partnerAvailabilityGroupName() + "' and '"
                    + link.instanceAvailabilityGroupName() + "'. Check the link names and parameters."));
        }
        Matcher url = MI_URL.matcher(remote.endpointUrl() == null ? "" : remote.endpointUrl());
        WorldSettings s = ctx.settings();
        if (!url.matches() || !url.group(1).equalsIgnoreCase(s.fqdn()) || !"5022".equals(url.group(2))
                || !url.group(3).equalsIgnoreCase(s.instanceName())) {
            return Optional.of(LinkFault.init(41986, "Connection to the Managed Instance failed: LISTENER_URL '"
                    + remote.endpointUrl() + "' must be 'tcp://" + s.fqdn() + ":5022;Server=[" + s.instanceName() + "]'."));
        }
        if (!sameEndpoint(local.endpointUrl(), link.partnerEndpoint())) {
            return Optional.of(LinkFault.init(41986, "The Managed Instance cannot reach SQL Server: partnerEndpoint '"
                    + link.partnerEndpoint() + "' differs from the SQL Server member's LISTENER_URL '"
                    + local.endpointUrl() + "'."));
        }
        String sqlRole = local.role();
        String miRole = link.instanceLinkRole() == LinkRole.PRIMARY ? "PRIMARY" : "SECONDARY";
        if (sqlRole.equals(miRole)) {
            return Optional.of(LinkFault.init(41976, "Both sides of '" + sqlDag.name() + "' want to be " + sqlRole
                    + ": SQL Server's availability group and instanceLinkRole must be opposite."));
        }
        if ("PRIMARY".equals(miRole)) {
            Optional<LinkFault> miPrimary = checkMiPrimary(sqlDag, url.group(4), link);
            if (miPrimary.isPresent()) {
                return miPrimary;
            }
        }
        return checkTrust(sqlDag);
    }

    private Optional<LinkFault> checkMiPrimary(AvailabilityGroupInfo sqlDag, String urlDatabase, SimulatedLink link) {
        String db = link.databases().get(0).databaseName();
        if (urlDatabase == null || !urlDatabase.equalsIgnoreCase(db)) {
            return Optional.of(LinkFault.creation(41977, "The target database is not responding: the LISTENER_URL of "
                    + "the Managed Instance member must end with ';Database=[" + db + "]' when the instance is primary."));
        }
        String agName = sqlDag.localReplica().map(ReplicaInfo::serverName).orElse("");
        boolean granted = ctx.catalog(Side.SQL_SERVER).groups().group(agName)
                .map(AvailabilityGroupInfo::createAnyDatabaseGranted).orElse(false);
        if (!granted) {
            return Optional.of(LinkFault.creation(41977, "The target database cannot be created: run ALTER AVAILABILITY "
                    + "GROUP [" + agName + "] GRANT CREATE ANY DATABASE on SQL Server."));
        }
        return Optional.empty();
    }

    private Optional<LinkFault> checkTrust(AvailabilityGroupInfo sqlDag) {
        HadrCatalog sql = ctx.catalog(Side.SQL_SERVER);
        Optional<EndpointInfo> endpoint = sql.endpoints().stream().filter(e -> "STARTED".equals(e.state())).findFirst();
        if (endpoint.isEmpty()) {
            return Optional.of(LinkFault.init(41986, "SQL Server has no started database mirroring endpoint."));
        }
        Optional<CertificateInfo> sqlCert = endpointCertificate(sql, endpoint.get());
        WorldSettings s = ctx.settings();
        boolean uploaded = sqlCert.isPresent() && ctx.arm().trustCertificateThumbprints(s.subscriptionId(),
                s.resourceGroup(), s.instanceName()).containsValue(sha1(sqlCert.get().der()));
        if (!uploaded) {
            return Optional.of(LinkFault.init(41973, "The SQL Server endpoint certificate"
                    + sqlCert.map(c -> " '" + c.name() + "'").orElse("") + " is not trusted by the Managed Instance: "
                    + "upload its public key as a server trust certificate."));
        }
        byte[] miDer = miEndpointCertificate();
        // Name lookup is case-insensitive like the server's catalog; any other name (short name, IP) does not count.
        Optional<CertificateInfo> imported = sql.certificate(s.fqdn());
        if (imported.isEmpty() || !Arrays.equals(imported.get().der(), miDer)) {
            return Optional.of(LinkFault.init(41974, "The Managed Instance endpoint certificate is not trusted by SQL "
                    + "Server: import it into master as a certificate named exactly [" + s.fqdn() + "]."));
        }
        boolean issuer = sql.issuers().stream().anyMatch(i -> covers(i.dnsName(), s.fqdn()));
        if (!issuer) {
            return Optional.of(LinkFault.init(41974, "The Managed Instance certificate chain is not trusted: register "
                    + "the Azure root certificates with sp_certificate_add_issuer for '*.database.windows.net'."));
        }
        return Optional.empty();
    }

    private byte[] miEndpointCertificate() {
        WorldSettings s = ctx.settings();
        try {
            return ctx.arm().endpointCertificate(s.subscriptionId(), s.resourceGroup(), s.instanceName()).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the simulated instance certificate cannot be encoded", e);
        }
    }

    /** @return the certificate the endpoint authenticates with, if it uses one */
    static Optional<CertificateInfo> endpointCertificate(HadrCatalog sql, EndpointInfo endpoint) {
        return endpoint.certificateId() == null ? Optional.empty() : sql.certificateById(endpoint.certificateId());
    }

    /** @return the SQL Server endpoint certificate (for partnerAuthCertValidity) */
    Optional<CertificateInfo> sqlEndpointCertificate() {
        HadrCatalog sql = ctx.catalog(Side.SQL_SERVER);
        return sql.endpoints().stream().findFirst().flatMap(e -> endpointCertificate(sql, e));
    }

    private static boolean covers(String pattern, String fqdn) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String f = fqdn.toLowerCase(Locale.ROOT);
        return p.startsWith("*.") ? f.endsWith(p.substring(1)) : p.equals(f);
    }

    private static boolean sameEndpoint(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    private static String normalise(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    static String sha1(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JDK", e);
        }
    }
}
