package dev.warden.agent.file;

/**
 * A path as policy.md defines file targets: {@code written} is the path as the application wrote
 * it, made absolute and normalized ({@code .} and {@code ..} resolved lexically); {@code real} is
 * what the operating system really opens, every symlink followed (a dangling last link too).
 */
public final class ResolvedPath {
    public final String written;
    public final String real;
    /** "as written: ..." when the application's spelling differs from the real path, else {@code null}. */
    public final String detail;
    /** {@link #real} and {@link #detail} as UTF-8, encoded once for the audit trail. */
    public final byte[] realUtf8;
    public final byte[] detailUtf8;
    final long generation;
    final long expiresAtNanos;

    ResolvedPath(String raw, String written, String real, long generation, long expiresAtNanos) {
        this.written = written;
        this.real = real;
        this.detail = raw.equals(real) ? null : "as written: " + raw;
        this.realUtf8 = real.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.detailUtf8 = detail == null ? null : detail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.generation = generation;
        this.expiresAtNanos = expiresAtNanos;
    }
}
