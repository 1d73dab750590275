package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.LinkErrorCode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArmJsonTest {

    @Test
    void publicBlobIsReadWithOrWithoutPrefix() {
        assertThat(ArmJson.fromHex("0x3082AB")).containsExactly(0x30, 0x82, 0xAB);
        assertThat(ArmJson.fromHex("3082ab")).containsExactly(0x30, 0x82, 0xAB);
        assertThat(ArmJson.fromHex(" 0X3082AB ")).containsExactly(0x30, 0x82, 0xAB);
        assertThat(ArmJson.hex(new byte[] {0x30, (byte) 0x82, (byte) 0xAB})).isEqualTo("3082AB");
        assertThatThrownBy(() -> ArmJson.fromHex("0x")).isInstanceOf(ArmFailure.class);
        assertThatThrownBy(() -> ArmJson.fromHex("0xZZ")).isInstanceOf(ArmFailure.class);
    }

    @Test
    void valuesAreReadLeniently() {
        Map<String, Object> d = ArmJson.object("{\"lsn\":\"71000009408100001\",\"lag\":\"7\",\"n\":3,"
                + "\"t\":\"2023-08-01T00:00:00Z\",\"bad\":\"yesterday\",\"list\":[1,2]}");
        assertThat(ArmJson.lsn(d, "lsn")).contains(new BigInteger("71000009408100001"));
        assertThat(ArmJson.whole(d, "lag")).contains(7L);
        assertThat(ArmJson.whole(d, "n")).contains(3L);
        assertThat(ArmJson.time(d, "t")).contains(Instant.parse("2023-08-01T00:00:00Z"));
        assertThat(ArmJson.time(d, "bad")).isEmpty();
        assertThat(ArmJson.list(d, "list")).hasSize(2);
        assertThat(ArmJson.child(d, "missing")).isEmpty();
        assertThat(ArmJson.object("")).isEmpty();
        assertThatThrownBy(() -> ArmJson.parse("<html>")).isInstanceOf(ArmFailure.class);
    }

    @Test
    void writeKeepsOrderAndNesting() {
        assertThat(ArmJson.write(Map.of("properties", List.of(Map.of("databaseName", "a\"b")))))
                .isEqualTo("{\"properties\":[{\"databaseName\":\"a\\\"b\"}]}");
    }

    @Test
    void seedingProgressPercent() {
        assertThat(DagJson.percent("45%")).contains(45);
        assertThat(DagJson.percent("80.5 %")).contains(80);
        assertThat(DagJson.percent("100")).contains(100);
        assertThat(DagJson.percent("n/a")).isEmpty();
        assertThat(DagJson.percent(null)).isEmpty();
    }

    @Test
    void linkStateDefaultsForMissingProperties() {
        var state = DagJson.state(ArmJson.object("{\"name\":\"dag\",\"properties\":{\"databases\":[{\"databaseName\":\"db\"}]}}"));
        assertThat(state.name()).isEqualTo("dag");
        assertThat(state.instanceRole()).isEqualTo(dev.milink.LinkRole.SECONDARY);
        assertThat(state.partnerRole()).isEmpty();
        assertThat(state.replicationMode()).isEqualTo(dev.milink.ReplicationMode.ASYNC);
        assertThat(state.failoverMode()).isEqualTo("None");
        assertThat(state.database("db").orElseThrow().lastHardenedLsn()).isEmpty();
    }

    @Test
    void errorMappingNormalisesTransientCodes() {
        assertThat(ArmErrorMapping.problem(429, "SubscriptionRequestsThrottled", "x").armCode()).isEqualTo("TooManyRequests");
        assertThat(ArmErrorMapping.problem(502, null, "x").armCode()).isEqualTo("InternalServerError");
        assertThat(ArmErrorMapping.problem(409, "RemoteDatabaseExists", "x").armCode()).isEqualTo("RemoteDatabaseExists");
        assertThat(ArmErrorMapping.problem(409, "RemoteDatabaseExists", "x").code()).isEqualTo(LinkErrorCode.ARM_ERROR);
        assertThat(ArmErrorMapping.classify(new java.io.UncheckedIOException(new java.io.IOException("reset"))).code())
                .isEqualTo(LinkErrorCode.UNREACHABLE);
        assertThat(ArmErrorMapping.hint("DistributedAvailabilityGroupSetRoleChangeRoleAlreadyInProgress", 409)).contains("already running");
        assertThat(ArmErrorMapping.hint("ParentResourceNotFound", 404)).contains("resource id");
    }
}
