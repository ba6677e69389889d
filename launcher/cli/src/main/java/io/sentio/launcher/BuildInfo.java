package io.sentio.launcher;

/** What build is running: recorded in journal headers so a replay can say which code wrote a journal. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** The build's version from the jar manifest, "dev" when run from classes. */
    public static String codeVersion() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
