package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a control channel holds, as text, for tests. */
public final class ControlChannels {

    private ControlChannels() {}

    /** Every message {@code c} has not handed over yet: {@code KIND [id] by NAME}, or {@code unreadable: problem}. */
    public static List<String> drain(ControlChannel c) {
        List<String> seen = new ArrayList<>();
        ControlChannel.Handler h = new ControlChannel.Handler() {
            @Override
            public void message(long index, ControlMessage m) {
                seen.add(m.toString());
            }

            @Override
            public void unreadable(long index, String problem) {
                seen.add("unreadable: " + problem);
            }
        };
        while (c.poll(h)) {
            // all there is
        }
        return seen;
    }

    /** Every message in the channel of the audit directory {@code audit}. */
    public static List<String> readAll(Path audit) throws IOException {
        try (ControlChannel c = ControlChannel.open(audit)) {
            return drain(c);
        }
    }
}
