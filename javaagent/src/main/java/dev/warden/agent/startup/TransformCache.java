package dev.warden.agent.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * The JDK classes Warden advises, as Byte Buddy transformed them, kept between runs.
 *
 * <p>Byte Buddy loads ~1,050 classes and runs them interpreted to advise 15 JDK classes: most of
 * Warden's start-up time. The result depends only on the agent jar and the JDK, so it is stored
 * once and reused, the way the JDK's own CDS archive stores parsed classes. The cache directory is
 * named by a fingerprint of the agent jar (path, size, time) and of the JDK build ({@code java.home},
 * {@code java.vm.version}, size and time of {@code lib/modules}): entries are used only by the jar
 * and JDK that made them. (A hash of the original class bytes would not do: HotSpot reconstitutes
 * them for retransformation, and their constant-pool order differs from run to run.)
 *
 * <p>The cache lives in {@code ${user.home}/.cache/warden/<agent jar and JDK fingerprint>/}, created
 * owner-only; a directory another user could write is never read (whoever can write it could put
 * code into {@code java.base}). {@code -Dwarden.cache=false} turns it off; any failure falls back to
 * Byte Buddy.
 */
final class TransformCache {

    private static final byte[] MAGIC = "WARDEN-TC2".getBytes(StandardCharsets.US_ASCII);
    private final Path dir;

    private TransformCache(Path dir) {
        this.dir = dir;
    }

    /** The cache for this agent jar and JDK, or {@code null} when disabled or unusable. */
    static TransformCache open(Path agentJar) {
        if ("false".equals(System.getProperty("warden.cache"))) {
            return null;
        }
        try {
            String home = System.getProperty("user.home");
            if (home == null || home.isEmpty() || home.equals("?")) {
                return null;
            }
            Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
            String fingerprint = sha256Hex((agentJar.toAbsolutePath() + "|" + Files.size(agentJar) + "|"
                    + Files.getLastModifiedTime(agentJar).toMillis() + "|" + System.getProperty("java.home") + "|"
                    + System.getProperty("java.vm.version") + "|" + Files.size(modules) + "|"
                    + Files.getLastModifiedTime(modules).toMillis()).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
            Path dir = Path.of(home, ".cache", "warden", fingerprint);
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return ownedAndPrivate(dir) ? new TransformCache(dir) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The transformed bytes of {@code className}, empty for "matched but unchanged", or {@code null}. */
    byte[] get(String className) {
        try {
            Path entry = entry(className);
            if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            byte[] all = Files.readAllBytes(entry);
            int header = MAGIC.length;
            if (all.length < header || !Arrays.equals(all, 0, header, MAGIC, 0, header)) {
                return null;
            }
            return Arrays.copyOfRange(all, header, all.length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }

    boolean has(String className) {
        return Files.isRegularFile(entry(className), LinkOption.NOFOLLOW_LINKS);
    }

    /** Stores an entry atomically (write a temporary file, then rename). */
    void put(String className, byte[] transformed) {
        try {
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            byte[] out = new byte[MAGIC.length + transformed.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(transformed, 0, out, MAGIC.length, transformed.length);
            Files.write(tmp, out);
            Files.move(tmp, entry(className), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs the next start its speed.
        }
    }

    private Path entry(String className) {
        return dir.resolve(className.replace('/', '.') + ".class");
    }

    private static boolean ownedAndPrivate(Path dir) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> p = a.permissions();
        boolean othersWrite = p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
        return a.isDirectory() && !othersWrite && a.owner().getName().equals(System.getProperty("user.name"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

}
