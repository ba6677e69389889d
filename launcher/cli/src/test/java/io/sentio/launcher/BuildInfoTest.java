package io.sentio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void shouldCarryTheMavenVersionAndTheCommitTheClassesWereBuiltFrom() throws Exception {
        String head = gitHead();
        assumeTrue(head != null, "not built from a git checkout (or no git): the commit is \"unknown\" then");
        assertTrue(BuildInfo.commit().equals(head) || BuildInfo.commit().equals(head + "-dirty"),
            BuildInfo.commit() + " vs git HEAD " + head);
        assertTrue(BuildInfo.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), BuildInfo.version());
        assertEquals(BuildInfo.version() + "+" + BuildInfo.commit(), BuildInfo.codeVersion());
    }

    @Test
    void shouldPrintVersionAndCommitForDashDashVersion() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.exitCode, v.toString());
        assertEquals("sentio " + BuildInfo.version() + "\ncommit " + BuildInfo.commit() + "\n", v.out.replace("\r", ""));
    }

    private static String gitHead() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD")
                .directory(Path.of(System.getProperty("sentio.project.dir", "..")).toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException noGit) {
            return null;
        }
    }
}
