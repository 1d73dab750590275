package dev.milink.plan;

import dev.milink.step.RootCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The two Azure root authorities the link documentation requires SQL Server to trust at least: DigiCert
 * Global Root G2 and Microsoft RSA Root Certificate Authority 2017. Public certificates, shipped as DER
 * resources so planning needs no network.
 */
final class AzureRootCertificates {

    private static final List<RootCertificate> ROOTS = List.of(
            load("DigiCertGlobalRootG2"),
            load("MicrosoftRSARootCertificateAuthority2017"));

    private AzureRootCertificates() {
    }

    /** @return the root certificates, in a fixed order */
    static List<RootCertificate> required() {
        return ROOTS;
    }

    private static RootCertificate load(String name) {
        try (InputStream in = AzureRootCertificates.class.getResourceAsStream(name + ".cer")) {
            if (in == null) {
                throw new IllegalStateException("the root certificate resource " + name + ".cer is missing from link-api");
            }
            return new RootCertificate(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the root certificate " + name, e);
        }
    }
}
