package dev.milink.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Probes whether a TCP endpoint accepts connections from the machine milink runs on. This is not proof that
 * SQL Server and the Managed Instance can reach each other; reports say so.
 */
@FunctionalInterface
public interface EndpointProbe {

    /**
     * @param host the host
     * @param port the port
     * @return empty when the connect succeeded, otherwise why it did not
     */
    Optional<String> probe(String host, int port);

    /**
     * @param timeout the connect timeout
     * @return a probe that opens (and closes) a real TCP connection
     */
    static EndpointProbe tcp(Duration timeout) {
        return (host, port) -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        };
    }
}
