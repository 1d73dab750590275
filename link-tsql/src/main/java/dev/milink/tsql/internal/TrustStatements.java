package dev.milink.tsql.internal;

import static dev.milink.tsql.TsqlQuoting.identifier;
import static dev.milink.tsql.TsqlQuoting.literal;

import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.RootCertificate;
import dev.milink.step.SwitchEndpointCertificate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * T-SQL for the trust steps: master key, certificates, Azure roots and the mirroring endpoint (docs/LINK-FACTS.md
 * sections 2.2-2.6). Every create is guarded by {@code IF NOT EXISTS}, so each batch can run twice.
 */
final class TrustStatements {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.BASIC_ISO_DATE;

    private TrustStatements() {
    }

    static List<String> masterKey(Bindings b) {
        return List.of("USE master;\n"
                + "IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE symmetric_key_id = 101)\n"
                + "    CREATE MASTER KEY ENCRYPTION BY PASSWORD = " + b.masterKeyPassword().literal() + ";");
    }

    static List<String> endpointCertificate(CreateEndpointCertificate step) {
        // EXPIRY_DATE as yyyymmdd: the only date form SQL Server reads the same under every language and DATEFORMAT.
        String expiry = step.expiry().map(d -> ",\n         EXPIRY_DATE = '" + d.format(EXPIRY) + "'").orElse("");
        return List.of("USE master;\n"
                + "IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = " + literal(step.name()) + ")\n"
                + "    CREATE CERTIFICATE " + identifier(step.name()) + "\n"
                + "    WITH SUBJECT = " + literal(step.subject()) + expiry + ";\n"
                + "SELECT CERTENCODED(CERT_ID(" + literal(step.name()) + ")) AS SQLServerPublicKey;");
    }

    static List<String> managedInstanceCertificate(ImportManagedInstanceCertificate step, Bindings b) {
        Value fqdn = b.fqdn(step.fqdn());
        return List.of("USE master;\n"
                + "IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = " + fqdn.literal() + ")\n"
                + "    CREATE CERTIFICATE " + fqdn.identifier() + "\n"
                + "    FROM BINARY = " + b.managedInstanceCertificate().raw() + ";");
    }

    static List<String> azureRoots(ImportAzureRootCertificates step) {
        StringBuilder sql = new StringBuilder("USE master;\n");
        List<RootCertificate> roots = step.roots();
        for (int i = 0; i < roots.size(); i++) {
            RootCertificate root = roots.get(i);
            String variable = "@issuer" + (i + 1);
            sql.append("IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = ").append(literal(root.name()))
                    .append(")\nBEGIN\n")
                    .append("    CREATE CERTIFICATE ").append(identifier(root.name())).append(" FROM BINARY = ")
                    .append(root.hexLiteral()).append(";\n")
                    .append("    DECLARE ").append(variable).append(" int = CERT_ID(").append(literal(root.name()))
                    .append(");\n")
                    .append("    EXEC sp_certificate_add_issuer ").append(variable).append(", ")
                    .append(literal(step.issuerDnsName())).append(";\n")
                    .append("END\n");
        }
        return List.of(sql.toString().stripTrailing());
    }

    static List<String> mirroringEndpoint(CreateMirroringEndpoint step) {
        return List.of("USE master;\n"
                + "IF NOT EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints)\n"
                + "    CREATE ENDPOINT " + identifier(step.name()) + "\n"
                + "        STATE = STARTED\n"
                + "        AS TCP (LISTENER_PORT = " + step.port() + ", LISTENER_IP = ALL)\n"
                + "        FOR DATABASE_MIRRORING (\n"
                + "            ROLE = ALL,\n"
                + "            AUTHENTICATION = CERTIFICATE " + identifier(step.certificateName()) + ",\n"
                + "            ENCRYPTION = REQUIRED ALGORITHM AES);");
    }

    static List<String> switchEndpointCertificate(SwitchEndpointCertificate step) {
        return List.of("USE master;\n"
                + "ALTER ENDPOINT " + identifier(step.endpointName()) + "\n"
                + "    FOR DATABASE_MIRRORING (AUTHENTICATION = CERTIFICATE " + identifier(step.certificateName()) + ");");
    }

    static List<String> dropCertificate(DropCertificate step) {
        return List.of("USE master;\n"
                + "IF EXISTS (SELECT 1 FROM sys.certificates WHERE name = " + literal(step.name()) + ")\n"
                + "    DROP CERTIFICATE " + identifier(step.name()) + ";");
    }

    static List<String> dropEndpoint(DropEndpoint step) {
        return List.of("USE master;\n"
                + "IF EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints WHERE name = " + literal(step.name()) + ")\n"
                + "    DROP ENDPOINT " + identifier(step.name()) + ";");
    }

    static List<String> dropMasterKey() {
        return List.of("USE master;\n"
                + "IF EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE symmetric_key_id = 101)\n"
                + "    DROP MASTER KEY;");
    }

    static List<String> dropManagedInstanceCertificate(DropManagedInstanceCertificate step, Bindings b) {
        Value fqdn = b.fqdn(step.fqdn());
        List<String> out = new ArrayList<>();
        out.add("USE master;\n"
                + "IF EXISTS (SELECT 1 FROM sys.certificates WHERE name = " + fqdn.literal() + ")\n"
                + "    DROP CERTIFICATE " + fqdn.identifier() + ";");
        return out;
    }
}
