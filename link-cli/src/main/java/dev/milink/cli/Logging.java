package dev.milink.cli;

/**
 * Configures slf4j-simple before the first logger exists: to stderr, WARN by default, INFO with --verbose.
 */
final class Logging {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    /**
     * @param verbose whether to log at INFO
     */
    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        // azure-core's JDK client warns on every request that it drops the content-length header it sets itself;
        // the warning says nothing a milink user can act on.
        System.setProperty("org.slf4j.simpleLogger.log.com.azure.core.http.jdk.httpclient.JdkHttpClient", "error");
        if (verbose) {
            System.setProperty(LEVEL, "info");
        } else if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "warn");
        }
    }
}
