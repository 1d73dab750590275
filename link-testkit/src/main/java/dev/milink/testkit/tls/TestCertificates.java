package dev.milink.testkit.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints the self-signed certificates the simulators need: TLS server certificates for the TDS and ARM
 * listeners (subject alternative names {@code localhost} and {@code 127.0.0.1}), and stand-ins for SQL
 * Server endpoint certificates and the Managed Instance endpoint certificate. Test material only.
 */
public final class TestCertificates {

    private static final char[] STORE_PASSWORD = "milink-testkit".toCharArray();

    private TestCertificates() {
    }

    /**
     * A freshly minted self-signed certificate and its key.
     *
     * @param certificate the X.509 certificate
     * @param keyPair its RSA key pair
     */
    public record Minted(X509Certificate certificate, KeyPair keyPair) {

        /** @return the DER encoding of the certificate, as {@code CERTENCODED} returns it */
        public byte[] encoded() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot encode a certificate we just minted", e);
            }
        }

        /** @return a TLS server context presenting this certificate, TLS 1.2 (the TDS fake must pin 1.2) */
        public SSLContext serverContext() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, STORE_PASSWORD);
                SSLContext context = SSLContext.getInstance("TLSv1.2");
                context.init(kmf.getKeyManagers(), null, new SecureRandom());
                return context;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot build a TLS server context", e);
            }
        }

        /** @return a client context that trusts exactly this certificate */
        public SSLContext clientContextTrustingThis() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setCertificateEntry("server", certificate);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, tmf.getTrustManagers(), new SecureRandom());
                return context;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot build a TLS client context", e);
            }
        }
    }

    /**
     * Mints a TLS server certificate for loopback listeners, valid for a year from now.
     *
     * @return the certificate with SAN {@code DNS:localhost} and {@code IP:127.0.0.1}
     */
    public static Minted localhostServer() {
        Instant now = Instant.now();
        return mint("CN=localhost", now.minusSeconds(3600), now.plusSeconds(366L * 24 * 3600), true);
    }

    /**
     * Mints a certificate like the one {@code CREATE CERTIFICATE ... WITH SUBJECT = ...} makes.
     *
     * @param subjectCommonName the common name, for example {@code Certificate for Cert_SQLBOX01_endpoint}
     * @param notBefore start of validity
     * @param notAfter end of validity (the {@code EXPIRY_DATE})
     * @return the certificate and key
     */
    public static Minted endpoint(String subjectCommonName, Instant notBefore, Instant notAfter) {
        return mint("CN=" + subjectCommonName.replace(",", "\\,").replace("=", "\\="), notBefore, notAfter, false);
    }

    private static Minted mint(String subject, Instant notBefore, Instant notAfter, boolean loopbackNames) {
        try {
            KeyPair keyPair = SpareKeyPairs.next();
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), name,
                    keyPair.getPublic());
            if (loopbackNames) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
            return new Minted(certificate, keyPair);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot mint a test certificate for " + subject, e);
        }
    }
}
