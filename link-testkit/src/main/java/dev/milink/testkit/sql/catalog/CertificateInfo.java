package dev.milink.testkit.sql.catalog;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate in {@code master} ({@code sys.certificates}). Holds the DER encoding that
 * {@code CERTENCODED} returns; never holds a private key or password.
 *
 * @param certificateId the id
 * @param name the name
 * @param subject the subject
 * @param issuer the issuer name
 * @param startDate valid from (UTC)
 * @param expiryDate valid until (UTC)
 * @param thumbprintHex SHA-1 of the DER, hex
 * @param hasPrivateKey true when created WITH SUBJECT (pvt_key_encryption_type MK), false FROM BINARY (NA)
 * @param der the DER encoding
 */
public record CertificateInfo(int certificateId, String name, String subject, String issuer,
        LocalDateTime startDate, LocalDateTime expiryDate, String thumbprintHex, boolean hasPrivateKey, byte[] der) {

    /**
     * Copies the DER encoding, so the certificate cannot be changed through the array passed in.
     *
     * @param certificateId the id
     * @param name the name
     * @param subject the subject
     * @param issuer the issuer name
     * @param startDate valid from (UTC)
     * @param expiryDate valid until (UTC)
     * @param thumbprintHex SHA-1 of the DER, hex
     * @param hasPrivateKey true when created WITH SUBJECT (pvt_key_encryption_type MK), false FROM BINARY (NA)
     * @param der the DER encoding, copied
     */
    public CertificateInfo {
        der = der.clone();
    }

    /**
     * Returns the DER encoding.
     *
     * @return a copy of the DER encoding, so callers cannot change the certificate
     */
    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateInfo c && c.certificateId == certificateId && c.name.equals(name)
                && c.subject.equals(subject) && c.issuer.equals(issuer) && c.startDate.equals(startDate)
                && c.expiryDate.equals(expiryDate) && c.thumbprintHex.equals(thumbprintHex)
                && c.hasPrivateKey == hasPrivateKey && Arrays.equals(c.der, der);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateId, name, thumbprintHex);
    }

    @Override
    public String toString() {
        return "CertificateInfo[id=" + certificateId + ", name=" + name + ", subject=" + subject + ", expiry="
                + expiryDate + ", thumbprint=" + thumbprintHex + ", privateKey=" + hasPrivateKey + "]";
    }
}
