package dev.milink.step;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A public root certificate authority that SQL Server must trust, as DER bytes.
 *
 * @param name the certificate name in {@code master}
 * @param der the DER encoding
 */
public record RootCertificate(String name, byte[] der) {

    /**
     * Checks the components.
     *
     * @param name the certificate name in {@code master}
     * @param der the DER encoding
     */
    public RootCertificate {
        Objects.requireNonNull(name, "name");
        der = der.clone();
    }

    /** @return a copy of the DER encoding */
    @Override
    public byte[] der() {
        return der.clone();
    }

    /** @return the DER bytes as {@code 0x...} hex */
    public String hexLiteral() {
        return "0x" + HexFormat.of().withUpperCase().formatHex(der);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootCertificate other && name.equals(other.name) && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "RootCertificate[" + name + ", " + der.length + " bytes, sha256 " + sha256Prefix() + "]";
    }

    private String sha256Prefix() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
