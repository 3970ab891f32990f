package dev.warden.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code process.exec} pattern: a case-sensitive glob over the command line (the executable's
 * real absolute path, then the arguments, space-separated) in which {@code *} does not cross a
 * {@code /} and {@code **} crosses anything: {@code /usr/bin/git status*}, {@code /usr/bin/git **}.
 *
 * <p>A trailing {@code " **"} also matches the command with no arguments. An executable written
 * without wildcards is also resolved through symlinks at load, as targets are
 * ({@code /usr/bin/python3} matches {@code /usr/bin/python3.11 …} where it links there).
 */
final class CommandPattern implements TargetMatcher {

    private final Glob[] globs;
    private final String source;

    private CommandPattern(Glob[] globs, String source) {
        this.globs = globs;
        this.source = source;
    }

    static TargetMatcher compile(String pattern, Path baseDir) {
        char first = pattern.charAt(0);
        if (first != '/' && first != '*' && first != '?') {
            throw new IllegalArgumentException("process.exec pattern '" + pattern
                    + "' must start with the executable's absolute path, e.g. /usr/bin/git **");
        }
        int space = pattern.indexOf(' ');
        String exe = space < 0 ? pattern : pattern.substring(0, space);
        String args = space < 0 ? "" : pattern.substring(space);
        String realExe = Glob.hasWildcard(exe) ? exe
                : Glob.escape(RealPaths.resolve(Path.of(PathPattern.absolute(exe, baseDir))).toString());
        List<Glob> globs = new ArrayList<>();
        for (String e : realExe.equals(exe) ? new String[] {exe} : new String[] {exe, realExe}) {
            globs.add(Glob.compile(e + args, '/', false));
            if (args.endsWith(" **")) {
                globs.add(Glob.compile(e + args.substring(0, args.length() - 3), '/', false));
            }
        }
        return new CommandPattern(globs.toArray(new Glob[0]), pattern);
    }

    @Override
    public boolean matches(String target) {
        for (Glob g : globs) {
            if (g.matches(target)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source;
    }
}
