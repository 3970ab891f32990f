package dev.warden.testapps.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the scripted model: call a tool with these JSON arguments, or give the final
 * answer (which reports the tool results the model received since the user's message).
 */
public record Step(String tool, String arguments) {

    public static Step call(String tool, String argumentsJson) {
        return new Step(tool, argumentsJson);
    }

    public static Step answer() {
        return new Step(null, null);
    }

    public boolean isAnswer() {
        return tool == null;
    }

    /**
     * Reads a script: one step a line, {@code call TOOL {json}} or {@code answer}; blank lines and
     * lines starting with {@code #} are skipped.
     */
    public static List<Step> parse(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("answer")) {
                steps.add(answer());
            } else if (line.startsWith("call ")) {
                String rest = line.substring(5).strip();
                int space = rest.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("no arguments in script line: " + raw);
                }
                steps.add(call(rest.substring(0, space), rest.substring(space + 1).strip()));
            } else {
                throw new IllegalArgumentException("not a script line (call TOOL {json} | answer): " + raw);
            }
        }
        return steps;
    }
}
