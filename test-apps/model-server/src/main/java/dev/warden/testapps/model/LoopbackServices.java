package dev.warden.testapps.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the {@link ModelServer} (with a script file) and an {@link SmtpSink} until standard input
 * closes: {@code LoopbackServices SCRIPT PORTS_FILE}. Writes {@code base=http://127.0.0.1:P} and
 * {@code smtp=P} to PORTS_FILE once both listen, and on exit prints the recipients the sink received.
 */
public final class LoopbackServices {

    private LoopbackServices() {}

    public static void main(String[] args) throws Exception {
        List<Step> script = Step.parse(Files.readAllLines(Path.of(args[0])));
        try (ModelServer model = ModelServer.start(script); SmtpSink smtp = new SmtpSink()) {
            Path ports = Path.of(args[1]);
            Path partial = ports.resolveSibling(ports.getFileName() + ".tmp");
            Files.write(partial, List.of("base=" + model.base(), "smtp=" + smtp.port()));
            Files.move(partial, ports); // appears whole: the demo polls for it
            while (System.in.read() >= 0) {
                // until the demo closes our standard input
            }
            System.out.println("the SMTP server received mail for: " + smtp.recipients());
        }
    }
}
