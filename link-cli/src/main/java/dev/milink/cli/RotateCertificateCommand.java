package dev.milink.cli;

import dev.milink.LinkPlan;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code milink rotate-certificate}: replaces SQL Server's endpoint certificate while the link stays up. */
@Command(name = "rotate-certificate", description = "Replace the SQL Server endpoint certificate while the link stays up.")
final class RotateCertificateCommand extends LinkCommand {

    @Option(names = "--new-certificate-name", required = true, paramLabel = "NAME",
            description = "Name of the new endpoint certificate.")
    String newCertificateName;

    @Option(names = "--new-certificate-expiry", required = true, paramLabel = "yyyy-mm-dd",
            description = "Expiry date of the new certificate.")
    String newExpiry;

    @Mixin
    Preview preview;

    @Override
    protected int run() {
        LocalDate expiry;
        try {
            expiry = LocalDate.parse(newExpiry);
        } catch (DateTimeParseException e) {
            throw new OptionException(spec.commandLine(), "--new-certificate-expiry", "'" + newExpiry + "' is not a date.",
                    "write it as yyyy-mm-dd, for example 2027-06-30");
        }
        LinkPlan plan = link.plan(d -> d.planCertificateRotation(newCertificateName, expiry));
        return preview.requested() ? preview.show(this, plan) : RotateCertificateRun.execute(this, plan);
    }
}
