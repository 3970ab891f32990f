package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No code change", enforced by the build: test-apps/pom.xml's enforcer rule fails any test app
 * that depends on a Warden module, directly or transitively. A throw-away test app under that
 * parent, built beside warden-bootstrap (so the dependency resolves and only the rule can fail it),
 * must fail `mvn validate` with the rule's message, and pass without the dependency.
 */
class NoWardenInTestAppsIT {

    static final Path REPO = ChildJvm.TEST_APPS.getParent();

    @TempDir
    Path temp;

    @Test
    void aTestAppDependingOnWardenFailsTheBuild() throws Exception {
        Path out = temp.resolve("out.txt");
        int withWarden = validate(true, out);
        String log = Files.readString(out);
        assertEquals(1, withWarden, log);
        assertTrue(log.contains("test-apps/ run unmodified under the agent: they must not depend on any Warden module."), log);
        assertTrue(log.contains("dev.warden:warden-bootstrap:jar:0.1.0-SNAPSHOT <--- banned"), log);

        assertEquals(0, validate(false, out), Files.readString(out));
    }

    /** Writes the aggregator and the test app, runs {@code mvn -o validate}, returns its exit status. */
    private int validate(boolean dependOnWarden, Path out) throws Exception {
        Path root = temp.toRealPath().resolve(dependOnWarden ? "with" : "without");
        Path app = Files.createDirectories(root.resolve("violator"));
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.warden.check</groupId>
                  <artifactId>aggregator</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>%s</module>
                    <module>violator</module>
                  </modules>
                </project>
                """.formatted(root.relativize(REPO.resolve("bootstrap"))));
        String dependency = dependOnWarden ? """
                  <dependencies>
                    <dependency>
                      <groupId>dev.warden</groupId>
                      <artifactId>warden-bootstrap</artifactId>
                      <version>0.1.0-SNAPSHOT</version>
                    </dependency>
                  </dependencies>
                """ : "";
        Files.writeString(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.warden</groupId>
                    <artifactId>warden-test-apps</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>violator</artifactId>
                %s</project>
                """.formatted(app.relativize(ChildJvm.TEST_APPS.resolve("pom.xml")), dependency));
        Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        Process p = new ProcessBuilder(List.of(mvn.toString(), "-B", "-o", "validate"))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mvn validate did not finish: " + Files.readString(out));
        }
        return p.exitValue();
    }
}
