package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesAndNests() {
        Map<String, Object> doc = Json.object();
        doc.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 sep \u2028 é");
        doc.put("n", 42);
        doc.put("d", 1.5);
        doc.put("nan", Double.NaN);
        doc.put("b", false);
        doc.put("nil", null);
        doc.put("opt", Optional.empty());
        doc.put("some", Optional.of("x"));
        doc.put("list", List.of(1, "two", List.of()));
        doc.put("enum", java.time.DayOfWeek.MONDAY);
        String text = Json.write(doc);
        assertThat(text).startsWith("{\"s\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 sep \\u2028 é\"");
        Map<String, Object> back = MiniJson.object(text);
        assertThat(back).containsEntry("s", doc.get("s")).containsEntry("n", 42.0).containsEntry("d", 1.5)
                .containsEntry("nan", null).containsEntry("b", false).containsEntry("nil", null)
                .containsEntry("opt", null).containsEntry("some", "x").containsEntry("enum", "MONDAY")
                .containsEntry("list", Arrays.asList(1.0, "two", List.of()));
    }
}
