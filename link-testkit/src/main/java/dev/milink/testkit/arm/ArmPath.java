package dev.milink.testkit.arm;

import java.util.Arrays;
import java.util.Optional;

/**
 * A parsed request path. Literal segments match case-insensitively, as ARM does; names keep the caller's casing.
 *
 * @param subscriptionId subscription
 * @param resourceGroup resource group, null for operation URLs
 * @param instance managed instance name, null for operation URLs
 * @param collection child collection such as {@code distributedAvailabilityGroups}, or for operation URLs the
 *     operation kind segment; null for the instance itself
 * @param name child name or operation id, null for a list
 * @param action POST action such as {@code failover}, or null
 * @param location region of an operation URL, null otherwise
 */
record ArmPath(String subscriptionId, String resourceGroup, String instance, String collection, String name,
        String action, String location) {

    static final String DAGS = "distributedAvailabilityGroups";
    static final String TRUST_CERTIFICATES = "serverTrustCertificates";
    static final String ENDPOINT_CERTIFICATES = "endpointCertificates";
    static final String DATABASES = "databases";

    /** @return true for {@code /subscriptions/{s}/providers/Microsoft.Sql/locations/{l}/{kind}/{id}} */
    boolean isOperation() {
        return location != null;
    }

    static Optional<ArmPath> parse(String path) {
        String[] s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        if (s.length == 8 && is(s[0], "subscriptions") && is(s[2], "providers") && is(s[3], "Microsoft.Sql")
                && is(s[4], "locations")) {
            return Optional.of(new ArmPath(s[1], null, null, s[6], s[7], null, s[5]));
        }
        if (s.length < 8 || !is(s[0], "subscriptions") || !is(s[2], "resourceGroups") || !is(s[4], "providers")
                || !is(s[5], "Microsoft.Sql") || !is(s[6], "managedInstances") || s.length > 11) {
            return Optional.empty();
        }
        String collection = s.length > 8 ? canonical(s[8]) : null;
        if (s.length > 8 && collection == null) {
            return Optional.empty();
        }
        return Optional.of(new ArmPath(s[1], s[3], s[7], collection, s.length > 9 ? s[9] : null,
                s.length > 10 ? s[10] : null, null));
    }

    private static String canonical(String segment) {
        for (String known : new String[] {DAGS, TRUST_CERTIFICATES, ENDPOINT_CERTIFICATES, DATABASES}) {
            if (is(segment, known)) {
                return known;
            }
        }
        return null;
    }

    private static boolean is(String segment, String literal) {
        return segment.equalsIgnoreCase(literal);
    }
}
