package dev.warden.agent.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path the operating system would really open or create, every symlink followed, including a
 * dangling last link (a write through it creates the link's target) and paths that do not exist
 * yet. {@code ..} is resolved physically after a symlink, as the kernel does.
 */
final class RealPaths {

    /** Linux's own limit on links followed in one resolution (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    private RealPaths() {}

    static String of(Path absolute) {
        try {
            return absolute.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return walk(absolute);
        }
    }

    /** Component by component, for paths whose last parts do not exist. */
    private static String walk(Path absolute) {
        Path root = absolute.getRoot();
        Path current = root;
        Deque<String> pending = new ArrayDeque<>();
        for (Path name : absolute) {
            pending.addLast(name.toString());
        }
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                Path parent = current.getParent();
                current = parent == null ? root : parent;
                continue;
            }
            Path next = current.resolve(name);
            if (links < MAX_LINKS && Files.isSymbolicLink(next)) {
                links++;
                try {
                    Path target = Files.readSymbolicLink(next);
                    Deque<String> linkNames = new ArrayDeque<>();
                    for (Path n : target) {
                        linkNames.addLast(n.toString());
                    }
                    while (!linkNames.isEmpty()) {
                        pending.addFirst(linkNames.removeLast());
                    }
                    if (target.isAbsolute()) {
                        current = root;
                    }
                    continue;
                } catch (IOException e) {
                    // unreadable link: decide on the link's own path
                }
            }
            current = next;
        }
        return current.toString();
    }
}
