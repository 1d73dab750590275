package dev.milink.arm;

import java.util.Objects;
import java.util.Optional;

/**
 * One ARM call as data: what the script prints for a Managed Instance step and what the Azure adapter sends for it.
 *
 * @param method the HTTP method ({@code PUT}, {@code PATCH}, {@code POST} or {@code DELETE})
 * @param path the resource path below the ARM endpoint, percent-encoded, starting with the instance's resource id
 * @param apiVersion the {@code api-version} query parameter
 * @param body the JSON body as compact canonical text (keys in a fixed order); empty for a request without one
 */
public record ArmRequest(String method, String path, String apiVersion, Optional<String> body) {

    /**
     * Checks the components.
     *
     * @param method the HTTP method
     * @param path the resource path
     * @param apiVersion the api-version
     * @param body the JSON body, if any
     */
    public ArmRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(body, "body");
    }

    /**
     * @param endpoint the ARM endpoint, such as {@code https://management.azure.com}, without a trailing slash
     * @return the absolute URL with its api-version
     */
    public String url(String endpoint) {
        return endpoint + path + "?api-version=" + apiVersion;
    }
}
