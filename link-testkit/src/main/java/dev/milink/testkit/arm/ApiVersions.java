package dev.milink.testkit.arm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The api-versions each simulated operation exists in, as published in the Azure REST API specifications
 * (Azure/azure-rest-api-specs, {@code specification/sql/resource-manager/Microsoft.Sql/{stable|preview}/<version>/}).
 * Real ARM answers 400 {@code InvalidApiVersionParameter} for any other version, so a wrong api-version constant
 * in a client fails here as it would in Azure. Operation-status URLs are not checked: ARM hands them out with an
 * api-version of its own choosing.
 */
final class ApiVersions {

    /**
     * Microsoft.Sql versions that carry managed instance links, server trust certificates and endpoint
     * certificates (the first is 2021-05-01-preview); the DAG schema changed at 2023-05-01-preview.
     */
    static final List<String> LINK_ERA = List.of("2021-05-01-preview", "2021-08-01-preview", "2021-11-01-preview",
            "2021-11-01", "2022-02-01-preview", "2022-05-01-preview", "2022-08-01-preview", "2022-11-01-preview",
            "2023-02-01-preview", "2023-05-01-preview", "2023-08-01-preview", "2023-08-01", "2024-05-01-preview",
            "2024-11-01-preview", "2025-01-01", "2025-02-01-preview", "2025-08-01-preview");

    /** Managed instances and their databases exist in older versions as well. */
    static final List<String> INSTANCE_ERA = concat(List.of("2015-05-01-preview", "2017-03-01-preview",
            "2018-06-01-preview", "2020-02-02-preview", "2020-08-01-preview", "2020-11-01-preview",
            "2021-02-01-preview"), LINK_ERA);

    /** {@code setRole} arrived with the new DAG schema (2023-05-01-preview). */
    static final List<String> SET_ROLE = LINK_ERA.subList(LINK_ERA.indexOf("2023-05-01-preview"), LINK_ERA.size());

    /** {@code failover} arrived one version later (2023-08-01-preview; 2023-05-01-preview has no FailoverRequest). */
    static final List<String> FAILOVER = LINK_ERA.subList(LINK_ERA.indexOf("2023-08-01-preview"), LINK_ERA.size());

    private ApiVersions() {
    }

    /**
     * @param request the request
     * @param path its parsed path (not an operation-status URL)
     * @param location the region, quoted in the error as ARM does
     * @throws ArmError 400 {@code InvalidApiVersionParameter} when the operation does not exist in the version
     */
    static void require(ArmRequest request, ArmPath path, String location) {
        List<String> supported = supported(path);
        String version = request.apiVersion();
        if (!supported.contains(version)) {
            List<String> newestFirst = new ArrayList<>(supported);
            Collections.reverse(newestFirst);
            // The shape of ARM's own message for this code.
            throw new ArmError(400, "InvalidApiVersionParameter", "The api-version '" + version + "' is invalid. The supported"
                    + " versions are '" + String.join(",", newestFirst) + "'. The supported locations are '" + location + "'.");
        }
    }

    static List<String> supported(ArmPath path) {
        if (path.collection() == null || ArmPath.DATABASES.equals(path.collection())) {
            return INSTANCE_ERA;
        }
        if (ArmPath.DAGS.equals(path.collection()) && path.action() != null) {
            return "failover".equalsIgnoreCase(path.action()) ? FAILOVER : SET_ROLE;
        }
        return LINK_ERA;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
