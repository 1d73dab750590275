package dev.milink.testkit.arm;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} that hands requests straight to an {@link ArmSimulator}: no socket, no TLS.
 * Point the SDK at {@link #BASE_URL}; it is {@code https} so bearer-token policies accept it. A dropped-connection
 * fault surfaces as an {@link IOException}, which the SDK's retry policy treats like a network failure.
 */
public final class InMemoryArmHttpClient implements HttpClient {

    /** The resource manager endpoint to configure; the host name is reserved and never resolved. */
    public static final String BASE_URL = "https://arm.simulator.invalid/";

    private final ArmSimulator simulator;

    /** @param simulator the simulator answering all requests */
    public InMemoryArmHttpClient(ArmSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> simulator.handle(toArm(request))).flatMap(response -> {
            if (response.dropConnection()) {
                return Mono.error(new IOException("ARM simulator closed the connection without a response (injected fault)"));
            }
            Mono<HttpResponse> result = Mono.just(new Response(request, response));
            return response.delay().isZero() ? result : result.delayElement(response.delay());
        });
    }

    private static ArmRequest toArm(HttpRequest request) throws URISyntaxException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders()) {
            headers.put(header.getName(), header.getValue());
        }
        BinaryData body = request.getBodyAsBinaryData();
        return new ArmRequest(request.getHttpMethod().name(), request.getUrl().toURI(), headers,
                body == null ? new byte[0] : body.toBytes());
    }

    /** The simulator's answer as an azure-core response, fully buffered. */
    private static final class Response extends HttpResponse {
        private final ArmResponse response;
        private final HttpHeaders headers = new HttpHeaders();

        Response(HttpRequest request, ArmResponse response) {
            super(request);
            this.response = response;
            response.headers().forEach((name, value) -> headers.set(HttpHeaderName.fromString(name), value));
        }

        @Override
        public int getStatusCode() {
            return response.status();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            byte[] body = response.body();
            return body.length == 0 ? Flux.empty() : Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            byte[] body = response.body();
            return body.length == 0 ? Mono.empty() : Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            byte[] body = response.body();
            return body.length == 0 ? Mono.empty() : Mono.just(new String(body, charset));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(response.body());
        }
    }
}
