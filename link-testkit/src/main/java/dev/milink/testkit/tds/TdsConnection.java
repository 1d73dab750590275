package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlSession;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: PRELOGIN (and TLS), LOGIN7, then requests until the client leaves.
 *
 * <p>Two threads serve a logged-in connection. The reader thread decodes messages and queues them, and
 * notes each ATTENTION at once so a running statement sees {@link dev.milink.testkit.sql.CancelSignal}.
 * The worker thread (the one running {@link #run()}) executes requests and is the only writer.
 */
final class TdsConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TdsConnection.class);
    private static final int BUFFER_SIZE = 32 * 1024;
    private static final int LOGIN_PHASE_TIMEOUT_MS = 30_000;
    private static final TdsMessage END = new TdsMessage(-1, 0, new byte[0]);

    private final TdsServer server;
    private final Socket socket;
    private final long id;
    private final CancelState cancel = new CancelState();
    private final BlockingQueue<TdsMessage> queue = new LinkedBlockingQueue<>();
    private volatile Socket transport;

    TdsConnection(TdsServer server, Socket socket, long id) {
        this.server = server;
        this.socket = socket;
        this.transport = socket;
        this.id = id;
    }

    long id() {
        return id;
    }

    @Override
    public void run() {
        SqlSession session = null;
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(LOGIN_PHASE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
            PacketReader reader = new PacketReader(in);
            PacketWriter writer = new PacketWriter(out, TdsProtocol.INITIAL_PACKET_SIZE);
            TdsMessage prelogin = reader.read();
            if (prelogin == null) {
                return;
            }
            if (PreloginHandler.answer(prelogin, server.encryption(), writer)) {
                SSLSocket ssl = TlsOverPrelogin.handshake(socket, in, socket.getOutputStream(), server.sslContext());
                transport = ssl;
                reader = new PacketReader(new BufferedInputStream(ssl.getInputStream(), BUFFER_SIZE));
                writer = new PacketWriter(new BufferedOutputStream(ssl.getOutputStream(), BUFFER_SIZE),
                        TdsProtocol.INITIAL_PACKET_SIZE);
            }
            TokenWriter tw = new TokenWriter(writer, server.serverName());
            session = new LoginHandler(server, id, tw).login(reader.read(), reader);
            if (session == null) {
                return;
            }
            socket.setSoTimeout(0); // idle pooled connections may wait indefinitely
            PacketReader requests = reader;
            server.executor().execute(() -> readLoop(requests));
            serve(new RequestHandler(server, id, session, cancel, tw), tw);
        } catch (IOException | RuntimeException e) {
            if (cancel.isClosed() || socket.isClosed()) {
                LOG.debug("connection {} closed", id, e);
            } else if (e instanceof IOException) {
                LOG.debug("connection {}: client went away", id, e);
            } else {
                LOG.warn("connection {}: failure in the TDS layer", id, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("connection {} interrupted", id, e);
        } finally {
            close();
            if (session != null) {
                closeSession(session);
            }
            server.unregister(this);
        }
    }

    private void serve(RequestHandler handler, TokenWriter tw) throws IOException, InterruptedException {
        while (true) {
            TdsMessage message = queue.take();
            if (message == END) {
                return;
            }
            if (message.type() == TdsProtocol.ATTENTION) {
                // The interrupted reply (if any) is complete; the acknowledgement is a message of its own.
                cancel.acknowledge();
                tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_ATTN, TdsProtocol.CMD_NONE, 0);
                tw.packets().endMessage();
                continue;
            }
            RequestHandler.Next next = handler.handle(message);
            if (next == RequestHandler.Next.DROP) {
                LOG.debug("connection {}: dropping the connection (injected fault)", id);
                socket.setSoLinger(true, 0); // reset, so the driver sees the connection die at once
                return;
            }
            if (next == RequestHandler.Next.CLOSE) {
                return;
            }
        }
    }

    private void readLoop(PacketReader reader) {
        try {
            TdsMessage message;
            while ((message = reader.read()) != null) {
                if (message.type() == TdsProtocol.ATTENTION) {
                    server.journal().record(id, StatementJournal.Kind.ATTENTION, "", null, 0);
                    cancel.attentionReceived();
                }
                queue.add(message);
            }
            LOG.debug("connection {}: client closed the connection", id);
        } catch (IOException e) {
            LOG.debug("connection {}: read ended", id, e);
        } finally {
            queue.add(END);
        }
    }

    /** Closes the socket; the reader and worker threads end on their own. */
    void close() {
        cancel.close();
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("connection {}: error while closing", id, e);
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("connection {}: error while closing the TCP socket", id, e);
        }
    }

    private void closeSession(SqlSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("connection {}: engine failed to close its session", id, e);
        }
    }

    /** Turns a login refusal into the reply the driver expects: ERROR, then DONE with the error bit. */
    static void writeLoginError(TokenWriter tw, SqlError error) throws IOException {
        tw.error(error.number(), error.state(), error.severity(), error.getMessage());
        tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_ERROR, TdsProtocol.CMD_NONE, 0);
        tw.packets().endMessage();
    }
}
