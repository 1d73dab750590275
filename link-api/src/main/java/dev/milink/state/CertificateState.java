package dev.milink.state;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A certificate in {@code master}.
 *
 * @param name the certificate name
 * @param subject the subject
 * @param expiry the expiry instant
 * @param hasPrivateKey whether the private key is held, encrypted by the master key
 * @param encoded the DER public certificate ({@code CERTENCODED}) when it was read
 */
public record CertificateState(String name, String subject, Instant expiry, boolean hasPrivateKey,
        Optional<byte[]> encoded) {

    /**
     * Checks the components.
     *
     * @param name the certificate name
     * @param subject the subject
     * @param expiry the expiry instant
     * @param hasPrivateKey whether the private key is held, encrypted by the master key
     * @param encoded the DER public certificate ({@code CERTENCODED}) when it was read
     */
    public CertificateState {
        encoded = encoded.map(byte[]::clone);
    }

    /** @return a copy of the DER public certificate, when it was read */
    @Override
    public Optional<byte[]> encoded() {
        return encoded.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateState other && name.equals(other.name) && subject.equals(other.subject)
                && expiry.equals(other.expiry) && hasPrivateKey == other.hasPrivateKey
                && Arrays.equals(encoded.orElse(null), other.encoded.orElse(null));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateState[" + name + ", expires " + expiry + (hasPrivateKey ? ", private key" : "") + "]";
    }
}
