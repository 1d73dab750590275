package dev.milink;

import java.util.Locale;
import java.util.Objects;

/**
 * A database mirroring endpoint address, {@code TCP://host:port}, as SQL Server's {@code ENDPOINT_URL}
 * and ARM's {@code partnerEndpoint} expect it.
 */
public final class EndpointUrl {

    private final String host;
    private final int port;

    private EndpointUrl(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Parses {@code TCP://host:port} (the scheme is case-insensitive).
     *
     * @param url the address
     * @return the parsed URL
     * @throws LinkPlanningException when the shape is wrong
     */
    public static EndpointUrl parse(String url) {
        String shown = NameRules.printable(url);
        if (url == null || !url.regionMatches(true, 0, "TCP://", 0, 6)) {
            throw new LinkPlanningException("endpoint", shown, "an endpoint URL has the shape TCP://host:port",
                    "write it as TCP://10.0.1.8:5022");
        }
        String rest = url.substring(6);
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new LinkPlanningException("endpoint", shown, "an endpoint URL names a port: TCP://host:port",
                    "add the endpoint's listener port, for example :5022");
        }
        String host = NameRules.host("endpoint", rest.substring(0, colon));
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new LinkPlanningException("endpoint", shown, "the port must be a number from 1 to 65535",
                    "write it as TCP://host:5022");
        }
        return of(host, port);
    }

    /**
     * @param host a DNS name or IP address
     * @param port the listener port, 1-65535
     * @return the URL
     */
    public static EndpointUrl of(String host, int port) {
        NameRules.host("endpoint", host);
        if (port < 1 || port > 65535) {
            throw new LinkPlanningException("endpoint", "port " + port, "the port must be from 1 to 65535",
                    "use the endpoint's listener port, 5022 by default");
        }
        return new EndpointUrl(host, port);
    }

    /** @return the host */
    public String host() {
        return host;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /**
     * @param newPort the other port
     * @return the same host with another port
     */
    public EndpointUrl withPort(int newPort) {
        return of(host, newPort);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointUrl other && host.equalsIgnoreCase(other.host) && port == other.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host.toLowerCase(Locale.ROOT), port);
    }

    /** @return {@code TCP://host:port} */
    @Override
    public String toString() {
        return "TCP://" + host + ":" + port;
    }
}
