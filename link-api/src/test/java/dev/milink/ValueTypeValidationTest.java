package dev.milink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypeValidationTest {

    static final String SUB = "00000000-0000-0000-0000-000000000000";

    static SqlServerInstance box() {
        return SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022");
    }

    static ManagedInstance mi() {
        return ManagedInstance.of(SUB, "rg-link", "sqlmi-prod-01");
    }

    static LinkPlanningException refused(String field, Runnable action) {
        LinkPlanningException e = catchThrowableOfType(LinkPlanningException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + " ").contains(" is not valid: ");
        assertThat(e.code()).isEqualTo(LinkErrorCode.INVALID_INPUT);
        assertThat(e.fix()).isNotBlank();
        return e;
    }

    static void unsupported(Runnable action, String... words) {
        LinkPlanningException e = catchThrowableOfType(LinkPlanningException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(LinkErrorCode.UNSUPPORTED);
        assertThat(e.getMessage()).contains(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DAG_SalesDb", "#dag", "_x", "a@b#c$d", "D"})
    void linkNamesMatchingArmAreAccepted(String name) {
        assertThat(Link.from(box()).database("SalesDb").to(mi()).linkName(name).spec().links().get(0).linkName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1dag", "dag-1", "dag 1", "dag.x", "$dag", "@dag", "dág", "", "dag]"})
    void linkNamesBreakingArmAreRefused(String name) {
        LinkPlanningException e = refused("linkName", () -> Link.from(box()).database("SalesDb").to(mi()).linkName(name));
        assertThat(e.value()).contains(name);
    }

    @Test
    void linkNameLengthIsOneTo128() {
        assertThatCode(() -> Link.from(box()).database("SalesDb").to(mi()).linkName("D" + "a".repeat(127))).doesNotThrowAnyException();
        refused("linkName", () -> Link.from(box()).database("SalesDb").to(mi()).linkName("D" + "a".repeat(128)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlmi-prod-01", "a", "0", "a-b-c"})
    void managedInstanceNamesMatchingArmAreAccepted(String name) {
        assertThat(ManagedInstance.of(SUB, "rg-link", name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQLMI", "-a", "a-", "a--b", "a_b", "a.b", "", " a"})
    void managedInstanceNamesBreakingArmAreRefused(String name) {
        refused("managedInstance.name", () -> ManagedInstance.of(SUB, "rg-link", name));
    }

    @Test
    void managedInstanceNameLengthIsOneTo63() {
        assertThatCode(() -> ManagedInstance.of(SUB, "rg-link", "a".repeat(63))).doesNotThrowAnyException();
        refused("managedInstance.name", () -> ManagedInstance.of(SUB, "rg-link", "a".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000000-0000-0000-0000-000000000000", "00000000000000000000000000000000",
            "g0000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}"})
    void subscriptionIdsMustBeGuids(String id) {
        refused("managedInstance.subscriptionId", () -> ManagedInstance.of(id, "rg-link", "sqlmi-prod-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rg.", "rg link", "rg/link", "rg;x"})
    void resourceGroupsFollowArmRules(String rg) {
        refused("managedInstance.resourceGroup", () -> ManagedInstance.of(SUB, rg, "sqlmi-prod-01"));
    }

    @Test
    void resourceGroupLimits() {
        assertThatCode(() -> ManagedInstance.of(SUB, "rg-link_(prod).1", "x")).doesNotThrowAnyException();
        assertThatCode(() -> ManagedInstance.of(SUB, "r".repeat(90), "x")).doesNotThrowAnyException();
        refused("managedInstance.resourceGroup", () -> ManagedInstance.of(SUB, "r".repeat(91), "x"));
    }

    @Test
    void resourceIdsAreParsed() {
        ManagedInstance parsed = ManagedInstance.fromResourceId(mi().resourceId());
        assertThat(parsed).isEqualTo(mi());
        refused("managedInstance", () -> ManagedInstance.fromResourceId("/subscriptions/x/resourceGroups/rg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP://10.0.1.8:5022", "tcp://sqlbox01.contoso.com:5023", "TCP://[fe80::1]:5022"})
    void endpointUrlsOfTheRightShapeAreAccepted(String url) {
        assertThat(EndpointUrl.parse(url).toString()).isEqualToIgnoringCase(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.1.8:5022", "http://10.0.1.8:5022", "TCP://10.0.1.8", "TCP://10.0.1.8:",
            "TCP://:5022", "TCP://10.0.1.8:0", "TCP://10.0.1.8:65536", "TCP://10.0.1.8:x", "TCP://a b:5022",
            "TCP://a';--:5022", "TCP://host/x:5022"})
    void endpointUrlsOfAnotherShapeAreRefused(String url) {
        refused("endpoint", () -> EndpointUrl.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"master", "MSDB", "model", "tempdb", "Master"})
    void systemDatabasesAreRefused(String db) {
        LinkPlanningException e = refused("database", () -> DatabaseName.of(db));
        assertThat(e.getMessage()).contains("system databases");
    }

    @Test
    void databaseNamesFollowSqlServerRules() {
        assertThatCode(() -> DatabaseName.of("d".repeat(128))).doesNotThrowAnyException();
        refused("database", () -> DatabaseName.of("d".repeat(129)));
        refused("database", () -> DatabaseName.of(""));
        refused("database", () -> DatabaseName.of("   "));
        refused("database", () -> DatabaseName.of("a\u0000b"));
        refused("database", () -> DatabaseName.of("a$(x)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sales\u200bDb", "Sales\u200cDb", "Sales\u200dDb", "Sales\u2060Db", "\ufeffSalesDb"})
    void zeroWidthCharactersAreRefusedLikeDirectionControls(String name) {
        LinkPlanningException e = refused("database", () -> DatabaseName.of(name));
        assertThat(e.getMessage()).contains("invisible zero-width character (U+", "look the same");
        assertThat(refused("database", () -> DatabaseName.of("a\u202eb")).getMessage()).contains("bidirectional");
    }

    @Test
    void duplicateDatabasesAreRefused() {
        refused("database", () -> Link.from(box()).database("SalesDb", "SalesDb"));
        refused("database", () -> Link.from(box()).database("SalesDb").database("SalesDb"));
        // SQL Server and the Managed Instance compare names case-insensitively by default
        refused("database", () -> Link.from(box()).database("SalesDb", "SALESDB").to(mi()).plan());
    }

    @Test
    void linksNeedDistinctNamesAcrossDatabases() {
        // "a b" and "a_b" default to the same link name DAG_a_b
        refused("linkName", () -> Link.from(box()).database("a b", "a_b").to(mi()).plan());
        LinkDefinition two = Link.from(box()).database("SalesDb", "HrDb").to(mi())
                .names("HrDb", "DAG_Other", "AG_SalesDb", "AG_HrDb_MI");
        refused("sqlServerAvailabilityGroup", two::plan);
    }

    @Test
    void aLinkNeedsADatabase() {
        refused("database", () -> Link.from(box()).to(mi()));
    }

    @Test
    void managedInstanceAsPrimaryNeedsSqlServer2022Or2025() {
        for (SqlServerVersion v : SqlServerVersion.values()) {
            Runnable plan = () -> Link.from(mi()).database("SalesDb").to(box()).sqlServerVersion(v).plan();
            if (v == SqlServerVersion.SQL_SERVER_2022 || v == SqlServerVersion.SQL_SERVER_2025) {
                assertThatCode(plan::run).doesNotThrowAnyException();
            } else {
                unsupported(plan, "initial primary", v.displayName());
            }
        }
    }

    @Test
    void twoWayDisasterRecoveryNeedsSqlServer2022Or2025() {
        for (SqlServerVersion v : SqlServerVersion.values()) {
            Runnable plan = () -> Link.from(box()).database("SalesDb").to(mi()).sqlServerVersion(v).twoWayDR(true).plan();
            if (v.isBidirectional()) {
                assertThatCode(plan::run).doesNotThrowAnyException();
            } else {
                unsupported(plan, "Two-way disaster recovery", v.displayName());
            }
            assertThatCode(() -> Link.from(box()).database("SalesDb").to(mi()).sqlServerVersion(v).plan())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void singleLinkOptionsNeedExactlyOneDatabase() {
        LinkDefinition two = Link.from(box()).database("SalesDb", "HrDb").to(mi());
        for (Consumer<LinkDefinition> option : java.util.List.<Consumer<LinkDefinition>>of(d -> d.linkName("DAG_x"),
                d -> d.sqlServerAvailabilityGroup("AG_x"), d -> d.managedInstanceAvailabilityGroup("AG_x_MI"))) {
            unsupported(() -> option.accept(two), "exactly one database", "has 2");
            assertThatCode(() -> option.accept(Link.from(box()).database("SalesDb").to(mi()))).doesNotThrowAnyException();
        }
    }

    @Test
    void theThreeNamesOfALinkMustDiffer() {
        refused("linkName", () -> Link.from(box()).database("SalesDb").to(mi()).linkName("AG_SalesDb"));
    }

    @Test
    void certificateNamesCannotContainABackslash() {
        refused("certificateName", () -> Link.from(box()).database("SalesDb").to(mi()).certificateName("a\\b").spec());
        assertThat(Link.from(SqlServerInstance.of("SQLBOX01\\INST2", "TCP://10.0.1.8:5022")).database("SalesDb").to(mi())
                .spec().certificateName()).isEqualTo("Cert_SQLBOX01_INST2_endpoint");
    }

    @Test
    void managedInstanceFqdnMustBelongToTheInstance() {
        refused("managedInstance.fqdn", () -> mi().withFqdn("other.0123.database.windows.net"));
        assertThat(mi().withFqdn("SQLMI-PROD-01.0123.database.windows.net").fqdn()).contains("sqlmi-prod-01.0123.database.windows.net");
    }

    @Test
    void secretsNeverShowTheirValue() {
        Secret secret = Secret.of("P@ssw0rd!Sup3rS3cret");
        assertThat(secret.toString()).doesNotContain("P@ssw0rd").doesNotContain("S3cret");
        assertThat(String.valueOf(secret)).isEqualTo(secret.toString());
        assertThat(secret.reveal()).isEqualTo("P@ssw0rd!Sup3rS3cret");
        LinkPlanningException e = catchThrowableOfType(LinkPlanningException.class, () -> Secret.of(""));
        assertThat(e).isNotNull();
        SecretSource source = SecretSource.fromLookup(name -> name.equals("MILINK_MASTER_KEY_PASSWORD") ? "Xyz!12345secret" : null);
        assertThat(source.secret(SecretSource.MASTER_KEY_PASSWORD).reveal()).isEqualTo("Xyz!12345secret");
        LinkException missing = catchThrowableOfType(LinkException.class, () -> SecretSource.fromLookup(n -> null).secret("Other"));
        assertThat(missing.getMessage()).contains("MILINK_OTHER");
    }
}
