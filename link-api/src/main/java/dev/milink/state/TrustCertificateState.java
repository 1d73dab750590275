package dev.milink.state;

/**
 * A server trust certificate on a Managed Instance.
 *
 * @param name the certificate name
 * @param thumbprint its thumbprint
 */
public record TrustCertificateState(String name, String thumbprint) {
}
