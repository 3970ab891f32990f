package dev.warden.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Loads a policy file into a {@link Policy}: reads it line by line, applies the start-up
 * overrides, expands {@code ${…}}, validates every key and value, and compiles the rules. Every
 * problem is reported with its line, all at once, in a {@link PolicyException}.
 *
 * <p>The file is read as UTF-8; a file that is not valid UTF-8 is read as ISO-8859-1, the
 * traditional encoding of {@code .properties} files (as {@code PropertyResourceBundle} does).
 */
public final class PolicyLoader {

    private PolicyLoader() {}

    /** Loads {@code file} with {@code overrides}; time for {@code hours} comes from the system clock. */
    public static Policy load(Path file, Overrides overrides) throws PolicyException {
        return load(file, overrides, Clock.systemUTC());
    }

    /** As {@link #load(Path, Overrides)}, with the clock {@code hours} are checked against (tests). */
    public static Policy load(Path file, Overrides overrides, Clock clock) throws PolicyException {
        return compile(file, overrides, clock, Map.of(), null, null);
    }

    /**
     * Loads a changed file to replace {@code previous}: rate limiters are kept for rules whose name
     * and limit are unchanged (policy.md), {@code after} conditions keep their numbers (so what a
     * session has done stays known), the clock is the previous policy's, and the keys that take
     * effect only at a restart keep the previous policy's values ({@link Policy#restartPending()}
     * lists those the file changed). On an error the caller keeps {@code previous}, which this
     * leaves untouched.
     */
    public static Policy reload(Path file, Overrides overrides, Policy previous) throws PolicyException {
        return compile(file, overrides, previous.clock(), previous.limiters(), previous.afterIndices(), previous.settings());
    }

    private static Policy compile(Path file, Overrides overrides, Clock clock, Map<String, RateLimiter> limiters,
            AfterIndices afterIndices, Settings inForce) throws PolicyException {
        String text = read(file);
        return new PolicyCompiler(file, overrides, clock, limiters, afterIndices, inForce).compile(text);
    }

    private static String read(Path file) throws PolicyException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fail(file, "is a directory, not a policy file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(file, "file not found");
        } catch (AccessDeniedException e) {
            throw fail(file, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw fail(file, "cannot read the file: " + e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static PolicyException fail(Path file, String message) {
        return new PolicyException(List.of(new PolicyError(file.toString(), 0, message)));
    }
}
