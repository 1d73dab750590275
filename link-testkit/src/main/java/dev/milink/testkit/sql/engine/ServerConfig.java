package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.Flavor;
import java.util.List;

/**
 * The fixed identity of a simulated server (SERVERPROPERTY, {@code @@VERSION}, logins).
 *
 * @param serverName the server name, what {@code @@SERVERNAME} answers
 * @param productVersion SERVERPROPERTY('ProductVersion')
 * @param productLevel ProductLevel, e.g. RTM
 * @param productUpdateLevel ProductUpdateLevel, e.g. CU17, or null
 * @param edition Edition
 * @param flavor SQL Server or Managed Instance
 * @param collation server collation
 * @param logins the SQL logins
 */
public record ServerConfig(String serverName, String productVersion, String productLevel, String productUpdateLevel,
        String edition, Flavor flavor, String collation, List<LoginAccount> logins) {

    /**
     * Copies the logins so the identity cannot change after the server starts.
     *
     * @param serverName the server name
     * @param productVersion SERVERPROPERTY('ProductVersion')
     * @param productLevel ProductLevel
     * @param productUpdateLevel ProductUpdateLevel, or {@code null}
     * @param edition Edition
     * @param flavor which kind of server is simulated
     * @param collation server collation
     * @param logins the SQL logins, copied
     */
    public ServerConfig {
        logins = List.copyOf(logins);
    }

    /** @return SERVERPROPERTY('EngineEdition'): 8 for MI, 2 Standard, 4 Express, 3 otherwise */
    public int engineEdition() {
        if (flavor == Flavor.MANAGED_INSTANCE) {
            return 8;
        }
        String e = edition.toLowerCase(java.util.Locale.ROOT);
        return e.startsWith("standard") ? 2 : e.startsWith("express") ? 4 : 3;
    }

    /** @return the {@code @@VERSION} text, shaped like the real one for this flavor and version */
    public String versionString() {
        if (flavor == Flavor.MANAGED_INSTANCE) {
            return "Microsoft Azure SQL Managed Instance - 12.0.2000.8 (X64) \n\tCopyright (C) 2022 Microsoft "
                    + "Corporation\n";
        }
        String major = productVersion.split("\\.")[0];
        String year = switch (major) {
            case "13" -> "2016";
            case "14" -> "2017";
            case "15" -> "2019";
            case "16" -> "2022";
            case "17" -> "2025";
            default -> "vNext";
        };
        String level = productLevel + (productUpdateLevel == null ? "" : "-" + productUpdateLevel);
        return "Microsoft SQL Server " + year + " (" + level + ") (KB0000000) - " + productVersion + " (X64) \n"
                + "\tJan  1 2025 00:00:00 \n\tCopyright (C) " + year + " Microsoft Corporation\n\t" + edition
                + " on Windows Server 2022 Datacenter 10.0 <X64> (Build 20348: ) (Hypervisor)\n";
    }
}
