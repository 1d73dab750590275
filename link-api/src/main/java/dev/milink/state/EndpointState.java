package dev.milink.state;

import java.util.Locale;

/**
 * The database mirroring endpoint.
 *
 * @param name the endpoint name
 * @param port the listener port
 * @param state {@code state_desc}, for example {@code STARTED}
 * @param authentication {@code connection_auth_desc}, for example {@code CERTIFICATE} or {@code NEGOTIATE, CERTIFICATE}
 * @param certificateName the certificate used, if any
 * @param encryptionEnabled whether encryption is on
 * @param encryptionAlgorithm {@code encryption_algorithm_desc}, for example {@code AES}
 */
public record EndpointState(String name, int port, String state, String authentication, String certificateName,
        boolean encryptionEnabled, String encryptionAlgorithm) {

    /** @return whether the endpoint can serve the link: certificate authentication, AES, started */
    public boolean suitsLink() {
        return authentication != null && authentication.toUpperCase(Locale.ROOT).contains("CERTIFICATE")
                && encryptionEnabled && encryptionAlgorithm != null
                && encryptionAlgorithm.toUpperCase(Locale.ROOT).contains("AES")
                && "STARTED".equalsIgnoreCase(state);
    }
}
