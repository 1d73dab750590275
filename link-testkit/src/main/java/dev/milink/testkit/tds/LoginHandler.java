package dev.milink.testkit.tds;

import dev.milink.testkit.sql.LoginRequest;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles LOGIN7: journal it (without the password), apply login faults, ask the engine, and answer
 * with LOGINACK and the ENVCHANGEs the driver needs (database, collation, packet size) or with an error.
 */
final class LoginHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoginHandler.class);
    private static final int MIN_PACKET_SIZE = 512;

    private final TdsServer server;
    private final long connectionId;
    private final TokenWriter tw;

    LoginHandler(TdsServer server, long connectionId, TokenWriter tw) {
        this.server = server;
        this.connectionId = connectionId;
        this.tw = tw;
    }

    /**
     * @param message the LOGIN7 message, or null if the client left
     * @param reader used to wait for the client to give up when a login fault hangs
     * @return the engine session, or null when the login was refused or dropped (the caller closes)
     */
    SqlSession login(TdsMessage message, PacketReader reader) throws IOException {
        if (message == null) {
            return null;
        }
        Login7Decoder.Login7 login = Login7Decoder.decode(message);
        LoginRequest request = login.request();
        server.journal().record(connectionId, StatementJournal.Kind.LOGIN, "user=" + request.user() + ";database="
                + request.database() + ";application=" + request.applicationName(), null, 0);
        if (login.integratedAuth() && request.user().isEmpty()) {
            TdsConnection.writeLoginError(tw, new SqlError(18452, 1, 14,
                    "Login failed. The login is from an untrusted domain and cannot be used with Integrated authentication."));
            return null;
        }
        SqlFault fault = server.faults().claimLogin();
        if (fault != null && !applyFault(fault, reader)) {
            return null;
        }
        SqlSession session;
        try {
            session = server.engine().login(request);
        } catch (SqlError e) {
            LOG.debug("connection {}: login refused with error {}", connectionId, e.number());
            TdsConnection.writeLoginError(tw, e);
            return null;
        }
        writeAck(session, login.packetSize());
        return session;
    }

    /** @return true when the login should proceed to the engine */
    private boolean applyFault(SqlFault fault, PacketReader reader) throws IOException {
        switch (fault.action()) {
            case ERROR -> {
                TdsConnection.writeLoginError(tw, fault.error());
                return false;
            }
            case DROP_CONNECTION -> {
                return false;
            }
            case DELAY -> {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return true;
            }
            case HANG_UNTIL_CANCELLED -> {
                // The driver cannot cancel a login; it gives up after loginTimeout and closes the socket.
                while (reader.read() != null) {
                    LOG.debug("connection {}: ignoring a message while the login hangs", connectionId);
                }
                return false;
            }
            default -> throw new IllegalStateException("unknown fault action " + fault.action());
        }
    }

    private void writeAck(SqlSession session, int requestedPacketSize) throws IOException {
        String database = session.database() == null ? "master" : session.database();
        int packetSize = requestedPacketSize == 0 ? TdsProtocol.INITIAL_PACKET_SIZE
                : Math.max(MIN_PACKET_SIZE, Math.min(TdsProtocol.MAX_PACKET_SIZE, requestedPacketSize));
        tw.envChange(TdsProtocol.ENV_DATABASE, database, "master");
        tw.info(5701, 2, 0, "Changed database context to '" + database + "'.");
        tw.collation();
        tw.loginAck();
        tw.envChange(TdsProtocol.ENV_PACKET_SIZE, Integer.toString(packetSize),
                Integer.toString(TdsProtocol.INITIAL_PACKET_SIZE));
        tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_FINAL, TdsProtocol.CMD_NONE, 0);
        tw.packets().endMessage(); // still in packets of at most 4096 bytes
        tw.packets().packetSize(packetSize); // the driver switches after reading ENVCHANGE 4
    }
}
