package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlEngine;
import dev.milink.testkit.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process TDS endpoint that the Microsoft JDBC driver can connect to over loopback TCP. It decodes
 * TDS and hands every login and statement to an {@link SqlEngine}. It is a test double, not SQL Server:
 * see the package documentation for what it models.
 *
 * <pre>{@code
 * try (TdsServer server = TdsServer.builder().engine(engine).build().start()) {
 *     ds.setPortNumber(server.port());
 * }
 * }</pre>
 */
public final class TdsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TdsServer.class);

    private final SqlEngine engine;
    private final InetAddress bindAddress;
    private final int requestedPort;
    private final TdsEncryption encryption;
    private final String serverName;
    private final StatementJournal journal = new StatementJournal();
    private final SqlFaults faults = new SqlFaults();
    private final Set<TdsConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final ExecutorService executor;
    private volatile Duration latency;
    private volatile ServerSocket listener;
    private volatile SSLContext sslContext;
    private volatile boolean closed;

    private TdsServer(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.bindAddress = b.bindAddress;
        this.requestedPort = b.port;
        this.encryption = b.encryption;
        this.serverName = b.serverName;
        this.latency = b.latency;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tds-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a builder with loopback, a free port, no encryption and server name {@code milink-tds} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts accepting connections. With {@link TdsEncryption#TLS_IN_PRELOGIN} the TLS
     * certificate is minted here (once per JVM, then reused).
     *
     * @return this server
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized TdsServer start() {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        if (encryption == TdsEncryption.TLS_IN_PRELOGIN) {
            sslContext = CertificateHolder.CONTEXT;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, requestedPort), 128);
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the TDS test server to " + bindAddress + ":" + requestedPort, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "tds-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** @return the bound TCP port */
    public int port() {
        ServerSocket l = listener;
        if (l == null) {
            throw new IllegalStateException("not started");
        }
        return l.getLocalPort();
    }

    /** @return the address the server listens on */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** @return the requests received so far */
    public StatementJournal journal() {
        return journal;
    }

    /** @return the fault injection registry */
    public SqlFaults faults() {
        return faults;
    }

    /**
     * Sets a latency added before every SQL_BATCH and RPC call runs, to simulate a network in benchmarks.
     *
     * @param perStatement the added latency, {@link Duration#ZERO} for none
     */
    public void latency(Duration perStatement) {
        if (perStatement.isNegative()) {
            throw new IllegalArgumentException("negative latency " + perStatement);
        }
        this.latency = perStatement;
    }

    /** @return the per-statement latency */
    public Duration latency() {
        return latency;
    }

    /** @return the number of open client connections */
    public int connectionCount() {
        return connections.size();
    }

    /** @return the encryption mode */
    public TdsEncryption encryption() {
        return encryption;
    }

    /** Stops accepting, closes every client connection and waits briefly for their threads to end. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ServerSocket l = listener;
        if (l != null) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.debug("error closing the TDS listener", e);
            }
        }
        connections.forEach(TdsConnection::close);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("TDS connection threads still running 5 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        ServerSocket l = listener;
        while (!closed) {
            Socket socket;
            try {
                socket = l.accept();
            } catch (SocketException e) {
                LOG.debug("TDS listener closed", e);
                return;
            } catch (IOException e) {
                LOG.debug("accept failed", e);
                continue;
            }
            TdsConnection connection = new TdsConnection(this, socket, connectionIds.incrementAndGet());
            connections.add(connection);
            try {
                executor.execute(connection);
            } catch (RejectedExecutionException e) {
                LOG.debug("server closing; refusing a connection", e);
                connection.close();
                connections.remove(connection);
            }
            if (closed) {
                connection.close();
            }
        }
    }

    SqlEngine engine() {
        return engine;
    }

    String serverName() {
        return serverName;
    }

    SSLContext sslContext() {
        return sslContext;
    }

    ExecutorService executor() {
        return executor;
    }

    void unregister(TdsConnection connection) {
        connections.remove(connection);
    }

    /** Minting an RSA key takes a while; one certificate serves every server in the JVM. */
    private static final class CertificateHolder {
        static final SSLContext CONTEXT = TestCertificates.localhostServer().serverContext();
    }

    /** Configures a {@link TdsServer}. */
    public static final class Builder {

        private SqlEngine engine;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private TdsEncryption encryption = TdsEncryption.OFF;
        private String serverName = "milink-tds";
        private Duration latency = Duration.ZERO;

        private Builder() {
        }

        /**
         * @param value the engine that runs logins and statements (required)
         * @return this builder
         */
        public Builder engine(SqlEngine value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * @param value the TCP port, 0 (default) for a free one
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * @param value the address to bind, loopback by default
         * @return this builder
         */
        public Builder bindAddress(InetAddress value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /**
         * @param value how to answer clients asking for encryption, {@link TdsEncryption#OFF} by default
         * @return this builder
         */
        public Builder encryption(TdsEncryption value) {
            this.encryption = Objects.requireNonNull(value, "encryption");
            return this;
        }

        /**
         * @param value the server name in ERROR and INFO tokens
         * @return this builder
         */
        public Builder serverName(String value) {
            this.serverName = Objects.requireNonNull(value, "serverName");
            return this;
        }

        /**
         * @param value the initial per-statement latency (see {@link TdsServer#latency(Duration)})
         * @return this builder
         */
        public Builder latency(Duration value) {
            this.latency = Objects.requireNonNull(value, "latency");
            return this;
        }

        /** @return a server, not yet started */
        public TdsServer build() {
            return new TdsServer(this);
        }
    }
}
