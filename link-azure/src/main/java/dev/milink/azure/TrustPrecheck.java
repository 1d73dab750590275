package dev.milink.azure;

import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.port.StepResult;
import dev.milink.state.TrustCertificateState;
import dev.milink.step.Side;
import dev.milink.step.UploadTrustCertificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Looks at the instance's server trust certificates before an upload. ARM refuses a second copy of a certificate
 * (400 {@code CertificateAlreadyExists}: "a certificate with a given name already exists or this certificate already
 * has been added"), so the upload is settled here: already trusted (under its name or, as a user who followed the
 * documentation by hand may have it, under another) is a success that changes nothing; the name taken by another
 * public key is a clear refusal before anything is sent. What is left is a certificate absent before the PUT, which
 * is what lets a 202 answer count as created.
 */
final class TrustPrecheck {

    private TrustPrecheck() {
    }

    /**
     * @param step the upload
     * @param der SQL Server's certificate
     * @param existing the instance's trust certificates (LIST)
     * @return a result when nothing needs uploading, empty when the certificate is absent and the PUT should go out
     * @throws LinkExecutionException when the name holds another public key
     */
    static Optional<StepResult> settle(UploadTrustCertificate step, byte[] der, Iterable<TrustCertificateState> existing) {
        String thumbprint = thumbprint(der);
        String name = step.certificateName();
        for (TrustCertificateState cert : existing) {
            boolean sameName = name.equalsIgnoreCase(cert.name());
            boolean sameKey = thumbprint.equalsIgnoreCase(String.valueOf(cert.thumbprint()));
            if (sameName && sameKey) {
                return Optional.of(StepResult.unchanged("server trust certificate " + name + " is already on the Managed Instance"));
            }
            if (sameName) {
                throw LinkExecutionException.armFailure(LinkErrorCode.STATE_CONFLICT, step.id(), Side.MANAGED_INSTANCE,
                        "CertificateAlreadyExists", "server trust certificate [" + cert.name() + "] on the Managed Instance holds "
                        + "another public key (thumbprint " + cert.thumbprint() + ", SQL Server's is " + thumbprint + ")",
                        "delete the stale trust certificate on the Managed Instance ('az sql mi partner-cert delete') or upload "
                        + "SQL Server's certificate under another name, then rerun", null, null);
            }
            if (sameKey) {
                return Optional.of(StepResult.unchanged("SQL Server's certificate is already trusted by the Managed Instance as ["
                        + cert.name() + "]; nothing uploaded"));
            }
        }
        return Optional.empty();
    }

    /** @return the upper-case SHA-1 of a certificate, the form ARM reports as {@code thumbprint} */
    static String thumbprint(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
