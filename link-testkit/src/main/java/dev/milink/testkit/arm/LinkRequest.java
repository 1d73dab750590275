package dev.milink.testkit.arm;

import java.util.List;

/** The writable properties of a DAG PUT, parsed from either the old or the new schema. */
record LinkRequest(List<String> databases, String partnerEndpoint, String partnerAvailabilityGroupName,
        String instanceAvailabilityGroupName, LinkRole instanceLinkRole, String failoverMode, String seedingMode,
        String replicationMode) {
}
