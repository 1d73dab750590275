package dev.milink.state;

import java.util.Set;

/**
 * Server-level facts read from SQL Server (or a Managed Instance's SQL endpoint) in one observation.
 *
 * @param serverName {@code @@SERVERNAME}
 * @param productVersion {@code SERVERPROPERTY('ProductVersion')}, for example {@code 16.0.4135.4}
 * @param edition {@code SERVERPROPERTY('Edition')}
 * @param engineEdition {@code SERVERPROPERTY('EngineEdition')}; 8 is a Managed Instance
 * @param hadrEnabled {@code SERVERPROPERTY('IsHadrEnabled') = 1}
 * @param collation the server collation
 * @param sysadmin whether the login is a sysadmin
 * @param globalTraceFlags trace flags enabled globally
 * @param masterKeyPresent whether {@code master} has a database master key
 */
public record ServerFacts(String serverName, String productVersion, String edition, int engineEdition,
        boolean hadrEnabled, String collation, boolean sysadmin, Set<Integer> globalTraceFlags,
        boolean masterKeyPresent) {

    /**
     * Checks the components.
     *
     * @param serverName {@code @@SERVERNAME}
     * @param productVersion {@code SERVERPROPERTY('ProductVersion')}, for example {@code 16.0.4135.4}
     * @param edition {@code SERVERPROPERTY('Edition')}
     * @param engineEdition {@code SERVERPROPERTY('EngineEdition')}; 8 is a Managed Instance
     * @param hadrEnabled {@code SERVERPROPERTY('IsHadrEnabled') = 1}
     * @param collation the server collation
     * @param sysadmin whether the login is a sysadmin
     * @param globalTraceFlags trace flags enabled globally
     * @param masterKeyPresent whether {@code master} has a database master key
     */
    public ServerFacts {
        globalTraceFlags = Set.copyOf(globalTraceFlags);
    }

    /** @return the major version number, 0 when the version cannot be read */
    public int majorVersion() {
        return version()[0];
    }

    /**
     * @param minimum a build such as {@code 16.0.4095.4}
     * @return whether this server's build is at least that one
     */
    public boolean buildAtLeast(String minimum) {
        int[] mine = version();
        int[] other = parse(minimum);
        for (int i = 0; i < 4; i++) {
            if (mine[i] != other[i]) {
                return mine[i] > other[i];
            }
        }
        return true;
    }

    private int[] version() {
        return parse(productVersion);
    }

    private static int[] parse(String version) {
        int[] parts = new int[4];
        if (version == null) {
            return parts;
        }
        String[] split = version.trim().split("\\.");
        for (int i = 0; i < Math.min(4, split.length); i++) {
            try {
                parts[i] = Integer.parseInt(split[i]);
            } catch (NumberFormatException e) {
                return parts;
            }
        }
        return parts;
    }
}
