package dev.milink.cli;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;

/**
 * The command needs a module this build does not include yet (link-core, link-azure or the testkit's linked
 * world). Nothing was changed on either side. Exit code 1.
 */
public final class NotAvailableException extends LinkException {

    private static final long serialVersionUID = 1L;

    /**
     * @param command the subcommand, for example {@code create}
     * @param needs what it needs, for example {@code link-core (LinkRunner)}
     * @param fix what the user can do today
     */
    public NotAvailableException(String command, String needs, String fix) {
        super(LinkErrorCode.UNSUPPORTED, "'milink " + command + "' needs " + needs
                + ", which this build of milink does not include yet; nothing was changed.", fix);
    }
}
