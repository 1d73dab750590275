package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.EndpointInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.IssuerInfo;
import dev.milink.testkit.tls.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

/** Master key, certificates and trusted issuers. Passwords are parsed and dropped, never stored. */
final class SecurityDdl {

    /** Number chosen for "already added as a trusted issuer" (the real number is not documented publicly). */
    static final int ISSUER_ALREADY_ADDED = 33353;

    private SecurityDdl() {
    }

    static void createMasterKey(ExecContext ctx) throws SqlError {
        HadrCatalog c = ctx.catalog();
        if (c.hasMasterKey()) {
            throw Errors.error(15578, "There is already a master key in the database. Please drop it before "
                    + "performing this statement.");
        }
        c.setMasterKey(true);
        ctx.done();
    }

    static void dropMasterKey(ExecContext ctx) throws SqlError {
        HadrCatalog c = ctx.catalog();
        if (!c.hasMasterKey()) {
            throw Errors.notFound("drop", "master key", "##MS_DatabaseMasterKey##");
        }
        Optional<CertificateInfo> protectedCert = c.certificates().stream().filter(CertificateInfo::hasPrivateKey)
                .findFirst();
        if (protectedCert.isPresent()) {
            throw Errors.error(15580, "Cannot drop master key because certificate '" + protectedCert.get().name()
                    + "' is encrypted by it.");
        }
        c.setMasterKey(false);
        ctx.done();
    }

    static void createCertificate(ExecContext ctx, Specs.Certificate spec) throws SqlError {
        HadrCatalog c = ctx.catalog();
        if (c.certificate(spec.name()).isPresent()) {
            throw exists(spec.name());
        }
        CertificateInfo cert;
        if (spec.subject() != null) {
            if (!c.hasMasterKey()) {
                throw Errors.error(15581, "Please create a master key in the database or open the master key in the "
                        + "session before performing this operation.");
            }
            LocalDateTime start = spec.startDate() == null ? c.now().withNano(0) : Values.parseDate(spec.startDate());
            LocalDateTime expiry = spec.expiryDate() == null ? start.plusYears(1) : Values.parseDate(spec.expiryDate());
            if (!expiry.isAfter(start)) {
                throw Errors.error(15297, "The certificate, asymmetric key, or private key data is invalid.");
            }
            byte[] der = TestCertificates.endpoint(spec.subject(), start.toInstant(ZoneOffset.UTC),
                    expiry.toInstant(ZoneOffset.UTC)).encoded();
            cert = new CertificateInfo(0, spec.name(), spec.subject(), spec.subject(), start, expiry, sha1(der), true,
                    der);
        } else {
            byte[] der = spec.binary() != null ? spec.binary() : readFile(spec.file());
            X509Certificate x509 = parse(der);
            cert = new CertificateInfo(0, spec.name(), cn(x509.getSubjectX500Principal().getName()),
                    cn(x509.getIssuerX500Principal().getName()),
                    LocalDateTime.ofInstant(x509.getNotBefore().toInstant(), ZoneOffset.UTC),
                    LocalDateTime.ofInstant(x509.getNotAfter().toInstant(), ZoneOffset.UTC), sha1(der), false, der);
            String thumb = cert.thumbprintHex();
            if (c.certificates().stream().anyMatch(x -> x.thumbprintHex().equals(thumb))) {
                throw exists(spec.name());
            }
        }
        c.putCertificate(new CertificateInfo(c.allocateCertificateId(), cert.name(), cert.subject(), cert.issuer(),
                cert.startDate(), cert.expiryDate(), cert.thumbprintHex(), cert.hasPrivateKey(), cert.der()));
        ctx.done();
    }

    private static SqlError exists(String name) {
        return Errors.error(15232, "A certificate with name '" + name
                + "' already exists or this certificate already has been added to the database.");
    }

    private static SqlError invalid() {
        return Errors.error(15297, "The certificate, asymmetric key, or private key data is invalid.");
    }

    private static byte[] readFile(String file) throws SqlError {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw Errors.error(15208, "The certificate, asymmetric key, or private key file is not valid or does not "
                    + "exist; or you do not have permissions for it. (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static X509Certificate parse(byte[] der) throws SqlError {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            SqlError error = invalid();
            error.initCause(e);
            throw error;
        }
    }

    private static String cn(String dn) {
        for (String part : dn.split(",")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3);
            }
        }
        return dn;
    }

    private static String sha1(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    static void dropCertificate(ExecContext ctx, String name) throws SqlError {
        HadrCatalog c = ctx.catalog();
        CertificateInfo cert = c.certificate(name).orElseThrow(() -> Errors.notFound("drop", "certificate", name));
        for (EndpointInfo e : c.endpoints()) {
            if (e.certificateId() != null && e.certificateId() == cert.certificateId()) {
                throw Errors.error(15352, "The certificate cannot be dropped because one or more entities are "
                        + "either signed or encrypted using it. (endpoint '" + e.name() + "')");
            }
        }
        c.removeCertificate(cert.name());
        ctx.done();
    }

    static void addIssuer(ExecContext ctx, Object certificateId, Object dnsName) throws SqlError {
        HadrCatalog c = ctx.catalog();
        if (certificateId == null || dnsName == null) {
            throw Errors.error(201, "Procedure or function 'sp_certificate_add_issuer' expects parameter "
                    + "'@certificate_id', which was not supplied.");
        }
        int id = ((Number) Values.convert(certificateId, dev.milink.testkit.sql.SqlType.INT)).intValue();
        String dns = Values.text(dnsName);
        CertificateInfo cert = c.certificateById(id)
                .orElseThrow(() -> Errors.notFound("find", "certificate", String.valueOf(id)));
        if (c.issuers().stream().anyMatch(i -> i.certificateId() == id && i.dnsName().equalsIgnoreCase(dns))) {
            throw Errors.error(ISSUER_ALREADY_ADDED, "The certificate '" + cert.name()
                    + "' has been already added as a trusted issuer for DNS name '" + dns + "'");
        }
        c.addIssuer(new IssuerInfo(id, dns));
    }
}
