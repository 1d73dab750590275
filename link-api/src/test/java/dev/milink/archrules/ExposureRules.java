package dev.milink.archrules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * No public or protected member of a public class in an exported package mentions a milink type from a package
 * its module does not export (parameters, return types, generic arguments, thrown types, fields, supertypes):
 * {@code ..internal..}, {@code dev.milink.plan} and any package missing from {@link #EXPORTED}. Shared by the
 * five library modules' tests; keep {@link #EXPORTED} equal to their {@code module-info} exports.
 */
public final class ExposureRules {

    /** The packages the library modules export: link-api, link-tsql, link-jdbc, link-core, link-azure. */
    public static final Set<String> EXPORTED = Set.of("dev.milink", "dev.milink.step", "dev.milink.state", "dev.milink.port",
            "dev.milink.event", "dev.milink.tsql", "dev.milink.jdbc", "dev.milink.core", "dev.milink.azure");

    private ExposureRules() {
    }

    /**
     * @param classes the module's main classes
     */
    public static void noInternalTypesInPublicSignatures(JavaClasses classes) {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : classes) {
            if (!EXPORTED.contains(c.getPackageName()) || !visible(c.getModifiers())) {
                continue;
            }
            checked++;
            c.getRawSuperclass().ifPresent(s -> leak(leaks, c.getName() + " extends", s));
            c.getRawInterfaces().forEach(i -> leak(leaks, c.getName() + " implements", i));
            for (JavaField f : c.getFields()) {
                if (visible(f.getModifiers())) {
                    f.getType().getAllInvolvedRawTypes().forEach(t -> leak(leaks, f.getFullName(), t));
                }
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!visible(m.getModifiers())) {
                    continue;
                }
                m.getReturnType().getAllInvolvedRawTypes().forEach(t -> leak(leaks, m.getFullName(), t));
                for (JavaType p : m.getParameterTypes()) {
                    p.getAllInvolvedRawTypes().forEach(t -> leak(leaks, m.getFullName(), t));
                }
                m.getThrowsClause().getTypes().forEach(t -> leak(leaks, m.getFullName(), t));
            }
        }
        assertThat(checked).as("public classes checked").isGreaterThan(0);
        assertThat(leaks).as("internal types in public signatures").isEmpty();
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void leak(List<String> leaks, String where, JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String pkg = base.getPackageName();
        boolean milink = pkg.equals("dev.milink") || pkg.startsWith("dev.milink.");
        if (pkg.contains(".internal") || milink && !EXPORTED.contains(pkg)) {
            leaks.add(where + " -> " + base.getName());
        }
    }
}
