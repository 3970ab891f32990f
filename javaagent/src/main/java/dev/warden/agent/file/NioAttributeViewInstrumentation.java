package dev.warden.agent.file;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Gate;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Attribute and permission changes: {@code Files.setPosixFilePermissions}, {@code setLastModifiedTime},
 * {@code setOwner} and the attribute views behind them bypass the provider and call the view
 * directly, so the views of {@code sun.nio.fs} are advised too (all keep the path in {@code file}).
 */
public final class NioAttributeViewInstrumentation {

    private NioAttributeViewInstrumentation() {}

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(namedOneOf(
                        "sun.nio.fs.UnixFileAttributeViews$Basic",
                        "sun.nio.fs.UnixFileAttributeViews$Posix",
                        "sun.nio.fs.UnixFileAttributeViews$Unix",
                        "sun.nio.fs.LinuxDosFileAttributeView",
                        "sun.nio.fs.UnixUserDefinedFileAttributeView"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(AdviceFor.methods(AttributeViewAdvice.class, FileOp.SET_ATTRIBUTE, Gate.API_NIO,
                                not(isAbstract()).and(namedOneOf("setTimes", "setPermissions", "setOwner", "setGroup",
                                        "setAttribute", "setReadOnly", "setHidden", "setSystem", "setArchive",
                                        "write", "delete")))));
    }
}
