package dev.milink.testkit.tds;

/** How a {@link TdsServer} answers a client that asks for encryption in PRELOGIN. */
public enum TdsEncryption {

    /**
     * No TLS. Clients must connect with {@code encrypt=false}; a client that asks for encryption is told
     * the server does not support it, and the driver refuses to continue.
     */
    OFF,

    /**
     * TLS 1.2 whose handshake travels inside PRELOGIN packets, as SQL Server does before TDS 8. Clients
     * with {@code encrypt=true;trustServerCertificate=true} then keep TLS for the whole session; clients
     * with {@code encrypt=false} still get plain TDS.
     */
    TLS_IN_PRELOGIN
}
