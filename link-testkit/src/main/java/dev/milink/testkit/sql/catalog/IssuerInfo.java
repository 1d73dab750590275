package dev.milink.testkit.sql.catalog;

/**
 * A trusted issuer registered by {@code sp_certificate_add_issuer}.
 *
 * @param certificateId the certificate
 * @param dnsName the DNS name pattern, e.g. {@code *.database.windows.net}
 */
public record IssuerInfo(int certificateId, String dnsName) {
}
