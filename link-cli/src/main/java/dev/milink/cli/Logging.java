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
        if (verbose) {
            System.setProperty(LEVEL, "info");
        } else if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "warn");
        }
    }
}
