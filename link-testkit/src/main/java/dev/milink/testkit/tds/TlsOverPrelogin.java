package dev.milink.testkit.tds;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Runs the server side of a TLS 1.2 handshake whose records travel inside PRELOGIN packets, then leaves
 * an {@link SSLSocket} whose records flow directly on the TCP stream, as the driver expects.
 *
 * <p>The trick is a proxy socket under the SSL socket: while the handshake runs, its output is buffered
 * and sent as one PRELOGIN message each time TLS wants to read, and its input strips TDS packet headers.
 * Once the handshake is done, the proxy passes bytes straight through.
 */
final class TlsOverPrelogin {

    private TlsOverPrelogin() {
    }

    /**
     * Performs the handshake.
     *
     * @param raw the connected TCP socket
     * @param rawIn its (buffered) input stream
     * @param rawOut its output stream
     * @param context a TLS server context
     * @return the SSL socket to use for the rest of the session
     */
    static SSLSocket handshake(Socket raw, InputStream rawIn, OutputStream rawOut, SSLContext context)
            throws IOException {
        ProxySocket proxy = new ProxySocket(raw, rawIn, rawOut);
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(proxy, "localhost", raw.getPort(), true);
        ssl.setUseClientMode(false);
        // TLS 1.3 inside TDS 7.x PRELOGIN hangs the driver (mssql-jdbc#1524): pin 1.2.
        ssl.setEnabledProtocols(new String[] {"TLSv1.2"});
        ssl.startHandshake();
        proxy.flushHandshake();
        proxy.passThrough = true;
        return ssl;
    }

    /** The socket the SSL layer sits on; only the methods SSLSocketImpl uses on a layered socket matter. */
    private static final class ProxySocket extends Socket {

        private final Socket raw;
        private final InputStream rawIn;
        private final OutputStream rawOut;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final byte[] header = new byte[TdsProtocol.HEADER_LENGTH];
        private volatile boolean passThrough;
        private int packetRemaining;

        private final InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (passThrough) {
                    return rawIn.read(b, off, len);
                }
                flushHandshake();
                if (packetRemaining == 0 && !nextPacket()) {
                    return -1;
                }
                int n = rawIn.read(b, off, Math.min(len, packetRemaining));
                if (n > 0) {
                    packetRemaining -= n;
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return passThrough ? rawIn.available() : Math.min(packetRemaining, rawIn.available());
            }
        };

        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (passThrough) {
                    rawOut.write(b, off, len);
                } else {
                    pending.write(b, off, len);
                }
            }

            @Override
            public void flush() throws IOException {
                // During the handshake the flight is sent when TLS next reads, as one PRELOGIN message.
                if (passThrough) {
                    rawOut.flush();
                }
            }
        };

        ProxySocket(Socket raw, InputStream rawIn, OutputStream rawOut) {
            this.raw = raw;
            this.rawIn = rawIn;
            this.rawOut = rawOut;
        }

        private boolean nextPacket() throws IOException {
            int done = 0;
            while (done < header.length) {
                int n = rawIn.read(header, done, header.length - done);
                if (n < 0) {
                    if (done == 0) {
                        return false;
                    }
                    throw new EOFException("connection closed inside a PRELOGIN packet header");
                }
                done += n;
            }
            packetRemaining = (((header[2] & 0xFF) << 8) | (header[3] & 0xFF)) - TdsProtocol.HEADER_LENGTH;
            if (packetRemaining < 0) {
                throw new IOException("malformed PRELOGIN packet during TLS handshake");
            }
            return true;
        }

        void flushHandshake() throws IOException {
            if (pending.size() == 0) {
                return;
            }
            byte[] data = pending.toByteArray();
            pending.reset();
            int max = TdsProtocol.INITIAL_PACKET_SIZE - TdsProtocol.HEADER_LENGTH;
            int id = 1;
            for (int off = 0; off < data.length; off += max) {
                int n = Math.min(max, data.length - off);
                boolean last = off + n >= data.length;
                int length = n + TdsProtocol.HEADER_LENGTH;
                rawOut.write(new byte[] {TdsProtocol.PRELOGIN, (byte) (last ? TdsProtocol.STATUS_EOM : 0),
                        (byte) (length >>> 8), (byte) length, 0, 0, (byte) id++, 0});
                rawOut.write(data, off, n);
            }
            rawOut.flush();
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public boolean isConnected() {
            return raw.isConnected();
        }

        @Override
        public boolean isClosed() {
            return raw.isClosed();
        }

        @Override
        public boolean isBound() {
            return raw.isBound();
        }

        @Override
        public boolean isInputShutdown() {
            return raw.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return raw.isOutputShutdown();
        }

        @Override
        public void shutdownInput() throws IOException {
            raw.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            raw.shutdownOutput();
        }

        @Override
        public synchronized void close() throws IOException {
            raw.close();
        }

        @Override
        public InetAddress getInetAddress() {
            return raw.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return raw.getLocalAddress();
        }

        @Override
        public int getPort() {
            return raw.getPort();
        }

        @Override
        public int getLocalPort() {
            return raw.getLocalPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return raw.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return raw.getLocalSocketAddress();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            raw.setSoTimeout(timeout);
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return raw.getSoTimeout();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            raw.setTcpNoDelay(on);
        }

        @Override
        public boolean getTcpNoDelay() throws SocketException {
            return raw.getTcpNoDelay();
        }

        @Override
        public void setSoLinger(boolean on, int linger) throws SocketException {
            raw.setSoLinger(on, linger);
        }

        @Override
        public int getSoLinger() throws SocketException {
            return raw.getSoLinger();
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            raw.setKeepAlive(on);
        }
    }
}
