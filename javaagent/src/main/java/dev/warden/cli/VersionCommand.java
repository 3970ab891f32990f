package dev.warden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code warden version}: the version from the jar's manifest, or {@code dev} outside a built jar. */
@Command(name = "version", description = "Prints Warden's version.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(text());
        return ExitCodes.OK;
    }

    static String text() {
        String v = WardenCli.class.getPackage().getImplementationVersion();
        return "warden " + (v == null ? "dev" : v);
    }

    /** The same text for {@code warden --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {text()};
        }
    }
}
