package dev.warden.agent.governor;

import dev.warden.policy.ConnectTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The name servers of {@code /etc/resolv.conf}, port 53. The JDK resolves host names in native code,
 * unseen; a library with its own DNS client (Netty's, under Reactor Netty) sends the same queries
 * to the same servers from Java. A query to one of them is part of reaching an allowed host, so it
 * is treated like the JDK's: allowed unless a {@code net.connect} deny rule names it.
 */
final class SystemResolvers {

    private final Set<String> targets;

    SystemResolvers(Path resolvConf) {
        Set<String> found = new HashSet<>();
        try {
            for (String line : Files.readAllLines(resolvConf)) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver")) {
                    found.add(ConnectTargets.hostPort(words[1], 53));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no resolv.conf (not Unix, a container without one): only explicit rules then
        }
        this.targets = Set.copyOf(found);
    }

    boolean contains(String target) {
        return targets.contains(target);
    }
}
