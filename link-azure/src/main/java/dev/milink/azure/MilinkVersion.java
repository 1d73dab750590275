package dev.milink.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * milink's version, written into the jar at build time, for the {@code User-Agent} ARM records: Azure telemetry
 * and Microsoft support can then tell milink's calls from other clients'.
 */
final class MilinkVersion {

    /** azure-core refuses application ids longer than this (and any containing a space). */
    static final int MAX_APPLICATION_ID = 24;

    private MilinkVersion() {
    }

    /** @return the version, for example {@code 0.1.0}, or {@code dev} when the build wrote none */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = MilinkVersion.class.getResourceAsStream("milink-azure.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading milink's version from the jar failed", e);
        }
        String version = p.getProperty("version", "dev").trim();
        // An unfiltered copy (an IDE build) still holds the placeholder.
        return version.isEmpty() || version.startsWith("${") ? "dev" : version;
    }

    /** @return {@code milink/<version>}, cut to what azure-core accepts as an application id */
    static String applicationId() {
        String id = ("milink/" + version()).replace(' ', '-');
        return id.length() <= MAX_APPLICATION_ID ? id : id.substring(0, MAX_APPLICATION_ID);
    }
}
