package dev.milink.testkit.sql.catalog;

/**
 * The database mirroring endpoint ({@code sys.database_mirroring_endpoints} and {@code sys.tcp_endpoints}).
 *
 * @param endpointId the id (65536 upwards, as SQL Server numbers user endpoints)
 * @param name the name
 * @param state STARTED, STOPPED or DISABLED
 * @param port the TCP listener port
 * @param ipAddress null for LISTENER_IP = ALL
 * @param role ALL, PARTNER or WITNESS
 * @param authentication the connection_auth_desc, e.g. {@code CERTIFICATE} or {@code NEGOTIATE, CERTIFICATE}
 * @param certificateId the certificate used, null for Windows only
 * @param encryption REQUIRED, SUPPORTED or DISABLED
 * @param algorithm the encryption_algorithm_desc, e.g. {@code AES} or {@code NONE}
 */
public record EndpointInfo(int endpointId, String name, String state, int port, String ipAddress, String role,
        String authentication, Integer certificateId, String encryption, String algorithm) {

    /** @return whether encryption is enabled */
    public boolean encryptionEnabled() {
        return !"DISABLED".equals(encryption);
    }
}
