package dev.milink.testkit.arm;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.milink.testkit.tls.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Serves an {@link ArmSimulator} over HTTPS on {@code 127.0.0.1} (JDK {@code HttpsServer}, HTTP/1.1), with a
 * freshly minted certificate for {@code localhost}. For tests of the real HTTP client, TLS and retries on a socket;
 * the in-memory client is faster for everything else.
 */
public final class HttpsArmServer implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on by default: a response written as headers then body waits for
        // the client's delayed ACK, about 40 ms per request on loopback (measured by the benchmarks). ARM's front
        // door does not behave like that. Read once per JVM when the first JDK HTTP server is created; an explicit
        // setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ArmSimulator simulator;
    private final TestCertificates.Minted certificate = TestCertificates.localhostServer();
    private final HttpsServer server;
    private final ExecutorService executor;

    private HttpsArmServer(ArmSimulator simulator) throws IOException {
        this.simulator = simulator;
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", this::exchange);
        // Threads per request so a delayed answer does not hold up polls of other operations.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "arm-simulator-https");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server on an ephemeral port.
     *
     * @param simulator the simulator to serve
     * @return the running server; close it after the test
     * @throws IOException if the listener cannot be opened
     */
    public static HttpsArmServer start(ArmSimulator simulator) throws IOException {
        return new HttpsArmServer(simulator);
    }

    /** @return {@code https://localhost:<port>/}, the resource manager endpoint to configure */
    public String endpoint() {
        return "https://localhost:" + server.getAddress().getPort() + "/";
    }

    /** @return the server's self-signed certificate */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** @return a client TLS context trusting exactly this server */
    public SSLContext clientSslContext() {
        return certificate.clientContextTrustingThis();
    }

    /** @return an azure-core JDK HTTP client that trusts this server */
    public HttpClient httpClient() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(clientSslContext())).build();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = URI.create(endpoint().substring(0, endpoint().length() - 1) + exchange.getRequestURI().toString());
            Map<String, String> headers = ArmRequest.flatten(exchange.getRequestHeaders());
            ArmResponse response = simulator.handle(new ArmRequest(exchange.getRequestMethod(), uri, headers, body));
            if (!response.delay().isZero()) {
                sleep(response);
            }
            if (response.dropConnection()) {
                // Closing before sending headers makes the JDK server drop the connection: the client sees EOF.
                return;
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    private static void sleep(ArmResponse response) throws IOException {
        try {
            Thread.sleep(response.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying a simulated ARM response", e);
        }
    }

    /** @return the simulator behind this server */
    public ArmSimulator simulator() {
        return simulator;
    }

    /** Stops the listener and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ARM simulator HTTPS threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
