package dev.milink.testkit.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The comparator used by the fixture tests must be able to say no. */
class ShapeComparatorTest {

    private static Object parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportsMissingPropertiesAndTypeChanges() {
        Object expected = parse("{\"a\":\"x\",\"b\":{\"c\":1},\"d\":[{\"e\":true}]}");

        assertThat(ShapeComparator.mismatches(expected, parse("{\"a\":\"y\",\"b\":{\"c\":2,\"z\":0},\"d\":[{\"e\":false}]}"))).isEmpty();
        assertThat(ShapeComparator.mismatches(expected, parse("{\"a\":1,\"b\":{},\"d\":[]}")))
                .containsExactly("$.a: expected string but was integer", "$.b.c: missing, expected integer",
                        "$.d[0]: missing, expected object");
    }
}
