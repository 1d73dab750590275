package dev.milink.cli;

import dev.milink.DropOptions;
import picocli.CommandLine.Option;

/** What a drop removes besides the links, and its data-loss override. */
public final class DropFlags {

    @Option(names = "--keep-sql-ag", description = "Keep the SQL Server availability groups (default: drop them).")
    boolean keepSqlAg;

    @Option(names = "--remove-trust", description = "Also remove the certificates each side trusts, when no other link uses them.")
    boolean removeTrust;

    @Option(names = "--force", description = "Drop even when the replicas are not in sync (unsent data is lost).")
    boolean force;

    /** @return the drop options these flags describe */
    public DropOptions options() {
        return new DropOptions(!keepSqlAg, removeTrust, force);
    }

    /** @return whether any flag was given */
    boolean any() {
        return keepSqlAg || removeTrust || force;
    }
}
