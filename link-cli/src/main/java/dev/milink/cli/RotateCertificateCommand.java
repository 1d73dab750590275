package dev.milink.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

/** {@code milink rotate-certificate}: replaces SQL Server's endpoint certificate without breaking the link. */
@Command(name = "rotate-certificate", description = "Replace the SQL Server endpoint certificate (name via --new-certificate-name, expiry via --certificate-expiry).")
final class RotateCertificateCommand extends LinkCommand {

    @Option(names = "--new-certificate-name", paramLabel = "NAME", description = "Name of the new endpoint certificate.")
    String newCertificateName;

    @Override
    protected int run() {
        if (newCertificateName != null && (newCertificateName.isBlank() || newCertificateName.length() > 128
                || newCertificateName.chars().anyMatch(Character::isISOControl) || newCertificateName.indexOf('\\') >= 0)) {
            throw new OptionException(spec.commandLine(), "--new-certificate-name",
                    "a certificate name is 1-128 printable characters without a backslash.", "choose another name");
        }
        return RotateCertificateRun.execute(this, link.definition().spec(), newCertificateName);
    }
}
