/**
 * milink's Azure adapter: {@link dev.milink.azure.ArmManagedInstancePort}, the Managed Instance side of the
 * link over Azure Resource Manager. The builder takes azure-core configuration types (credential, HTTP
 * client, retry policy, environment), so those modules are required transitively; everything else the
 * module exposes speaks link-api types only.
 */
module dev.milink.azure {
    requires transitive dev.milink.api;
    requires dev.milink.arm;
    requires transitive com.azure.core;
    requires transitive com.azure.core.management;
    requires com.azure.resourcemanager.sql;
    requires com.azure.resourcemanager.resources;
    requires com.azure.identity;
    requires com.azure.core.http.jdk.httpclient;
    requires com.azure.json;
    requires org.slf4j;

    exports dev.milink.azure;
}
