package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public method or constructor of {@code dev.milink.azure} mentions a {@code com.azure} or {@code reactor}
 * type, except the builder's setters, which take azure-core configuration. Checks every class file of the
 * package, so a new public class is covered without touching this test.
 */
class PublicApiTest {

    @Test
    void publicSignaturesSpeakLinkApiTypesOnly() throws Exception {
        List<Class<?>> classes = packageClasses();
        assertThat(classes).contains(ArmManagedInstancePort.class, ArmManagedInstancePort.Builder.class);

        List<String> offenders = new ArrayList<>();
        for (Class<?> type : classes) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            assertThat(type.getGenericSuperclass() == null ? "" : type.getGenericSuperclass().getTypeName())
                    .as("superclass of %s", type).doesNotContain("com.azure").doesNotContain("reactor.");
            for (Type iface : type.getGenericInterfaces()) {
                assertThat(iface.getTypeName()).as("interface of %s", type).doesNotContain("com.azure").doesNotContain("reactor.");
            }
            for (Method m : type.getDeclaredMethods()) {
                boolean builderSetter = type == ArmManagedInstancePort.Builder.class && !m.getName().equals("build");
                if (Modifier.isPublic(m.getModifiers()) && !builderSetter && mentionsAzure(m, m.getGenericReturnType())) {
                    offenders.add(m.toGenericString());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && mentionsAzure(c, null)) {
                    offenders.add(c.toGenericString());
                }
            }
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && isAzure(f.getGenericType())) {
                    offenders.add(f.toGenericString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckCatchesAnAzureSignature() throws Exception {
        // Guards the guard: a method returning an azure type must be flagged.
        Method m = ArmManagedInstancePort.Builder.class.getMethod("httpClient", com.azure.core.http.HttpClient.class);
        assertThat(mentionsAzure(m, m.getGenericReturnType())).isTrue();
    }

    private static boolean mentionsAzure(Executable e, Type returnType) {
        if (returnType != null && isAzure(returnType)) {
            return true;
        }
        return Stream.of(e.getGenericParameterTypes()).anyMatch(PublicApiTest::isAzure)
                || Stream.of(e.getGenericExceptionTypes()).anyMatch(PublicApiTest::isAzure);
    }

    private static boolean isAzure(Type type) {
        String name = type.getTypeName();
        return name.contains("com.azure.") || name.contains("reactor.");
    }

    private static List<Class<?>> packageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(ArmManagedInstancePort.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/milink/azure");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                if (!simple.equals("package-info")) {
                    classes.add(Class.forName("dev.milink.azure." + simple.replace('/', '.')));
                }
            }
        }
        return classes;
    }
}
