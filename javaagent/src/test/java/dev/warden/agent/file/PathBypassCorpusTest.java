package dev.warden.agent.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths written to hide what they open — {@code ..}, {@code ./}, doubled slashes, symlinks,
 * symlinked parents, dangling links, relative paths after a change of {@code user.dir} — decided
 * as the file they really reach: each row is a disguise and that file.
 */
class PathBypassCorpusTest {

    @TempDir
    Path temp;

    private Path root;
    private Path secret;
    private PathResolver resolver;

    @BeforeEach
    void tree() throws Exception {
        root = temp.toRealPath();
        Path kb = Files.createDirectories(root.resolve("kb"));
        secret = Files.writeString(Files.createDirectories(root.resolve("secret")).resolve("key"), "k");
        Files.createSymbolicLink(kb.resolve("innocent"), secret);                       // a link to the file
        Files.createSymbolicLink(kb.resolve("docs"), root.resolve("secret"));           // a link to its directory
        Files.createSymbolicLink(kb.resolve("chain"), kb.resolve("innocent"));          // a link to a link
        Files.createSymbolicLink(kb.resolve("dangling"), root.resolve("secret/new"));   // a link to what does not exist yet
        resolver = new PathResolver(kb.toString());
    }

    @Test
    void everyDisguiseIsDecidedAsTheFileItReaches() {
        String key = secret.toString();
        String created = root.resolve("secret/new").toString();
        List<String[]> corpus = List.of(
                new String[] {root + "/kb/../secret/key", key},
                new String[] {root + "/kb/./../secret/./key", key},
                new String[] {root + "//kb///..//secret//key", key},
                new String[] {root + "/kb/innocent", key},
                new String[] {root + "/kb/chain", key},
                new String[] {root + "/kb/docs/key", key},
                new String[] {root + "/kb/docs/../secret/key", key},
                new String[] {root + "/kb/dangling", created},
                new String[] {"../secret/key", key},
                new String[] {"./innocent", key},
                new String[] {"docs/key", key},
                new String[] {"innocent/", key});
        for (String[] row : corpus) {
            assertEquals(row[1], resolver.resolve(row[0], System.nanoTime()).real, row[0]);
        }
    }

    @Test
    void aRelativePathIgnoresALaterChangeOfUserDir() {
        String before = System.getProperty("user.dir");
        try {
            // Since JDK 11 java.io and NIO resolve relative paths against user.dir as it was at start-up.
            System.setProperty("user.dir", root.resolve("secret").toString());
            assertEquals(secret.toString(), resolver.resolve("../secret/key", System.nanoTime()).real);
            assertEquals(root.resolve("kb/key").toString(), resolver.resolve("key", System.nanoTime()).real);
        } finally {
            System.setProperty("user.dir", before);
        }
    }
}
