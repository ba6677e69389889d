package io.sentio.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What build is running: recorded in journal headers so a replay can say which code wrote a journal.
 * The build fills {@code sentio-build.properties} with the Maven version and the git commit; a build
 * outside a git checkout, or without git, leaves the commit "unknown".
 */
public final class BuildInfo {
    static final String RESOURCE = "/sentio-build.properties";
    private static final String UNKNOWN = "unknown";
    private static final Properties PROPS = load();
    /** What {@code git describe --always --dirty --abbrev=40} prints for a commit; anything else is not one. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}(-dirty)?");

    private BuildInfo() {
    }

    /** The Maven version, e.g. 0.1.0-SNAPSHOT. */
    public static String version() {
        return value("version");
    }

    /** The full git commit id the build was made from, "-dirty" appended for uncommitted changes; or "unknown". */
    public static String commit() {
        String id = value("commit");
        return COMMIT.matcher(id).matches() ? id : UNKNOWN;
    }

    /** Version and commit, as journal headers and {@code --version} carry them: {@code 0.1.0-SNAPSHOT+<commit>}. */
    public static String codeVersion() {
        return version() + "+" + commit();
    }

    /** A value filtering left as {@code ${...}} (no git at build time) is unknown, not a version. */
    private static String value(String key) {
        String v = PROPS.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
        return p;
    }
}
