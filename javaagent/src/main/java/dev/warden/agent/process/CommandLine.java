package dev.warden.agent.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code process.exec} target of a command line: the executable's real absolute path, then
 * the arguments, space-separated (policy.md), found the way the JDK's launcher finds it.
 *
 * <p>On Unix the JDK's {@code childproc.c} ({@code JDK_execvpe}) runs a program named with a
 * {@code /} as that path, relative to the child's working directory; any other name is searched
 * in the <em>parent's</em> {@code PATH} (read once at start-up, {@code ":/bin:/usr/bin"} when unset;
 * an empty entry is the working directory), never in the {@code PATH} of the environment given to
 * the child, and the first entry holding an executable file wins. Every symlink on the way is then
 * followed, so {@code /tmp/innocent -> /usr/bin/curl} is decided as {@code /usr/bin/curl}.
 */
public final class CommandLine {

    /** {@code childproc.c}'s fallback when the parent has no {@code PATH}. */
    private static final String DEFAULT_PATH = ":/bin:/usr/bin";

    private final Path workingDir;
    private final String[] searchPath;

    /**
     * @param workingDir the JVM's working directory at start-up (the child's unless it is given
     *     one; a later change of {@code user.dir} does not move the process)
     * @param parentPath the JVM's {@code PATH}, or {@code null}
     */
    public CommandLine(String workingDir, String parentPath) {
        this.workingDir = Path.of(workingDir).toAbsolutePath().normalize();
        this.searchPath = (parentPath == null ? DEFAULT_PATH : parentPath).split(":", -1);
    }

    /** The executable's real absolute path, or the name as written when no executable is found. */
    public String executable(String program, String dir) {
        if (program.isEmpty()) {
            return program;
        }
        try {
            Path cwd = dir == null ? workingDir : workingDir.resolve(dir);
            if (program.indexOf('/') >= 0) {
                return real(cwd.resolve(program));
            }
            for (String entry : searchPath) {
                Path candidate = cwd.resolve(entry.isEmpty() ? "." : entry).resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return real(candidate);
                }
            }
        } catch (InvalidPathException e) {
            // a NUL in the name: the JDK refuses it too
        }
        return program;
    }

    /** {@code /usr/bin/bash -c echo hi}: the executable, then each argument after a space. */
    public String target(String[] command, String dir) {
        StringBuilder line = new StringBuilder(executable(command[0], dir));
        for (int i = 1; i < command.length; i++) {
            line.append(' ').append(command[i]);
        }
        return line.toString();
    }

    /** Every symlink followed; a path that does not exist stays absolute and normalized. */
    private static String real(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }
}
