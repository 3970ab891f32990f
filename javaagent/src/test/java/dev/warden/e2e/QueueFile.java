package dev.warden.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Edits the bytes of one Warden record in a Chronicle Queue daily file, as someone covering their
 * tracks would: the excerpt is found by content (a string only it holds), and Chronicle's framing
 * — a 4-byte little-endian header per excerpt, the length in its low 30 bits, bit 30 marking
 * metadata — is kept intact so that every reader still opens the file.
 */
final class QueueFile {

    /** A Warden call record starts with its format byte (AuditCodec.VERSION). */
    private static final byte RECORD = 6;
    private static final int LENGTH_MASK = 0x3FFFFFFF;
    private static final int META_DATA = 0x40000000;

    private final Path file;
    private final byte[] bytes;

    private QueueFile(Path file) throws Exception {
        this.file = file;
        this.bytes = Files.readAllBytes(file);
    }

    /** The one daily file of {@code dir}. */
    static QueueFile of(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new QueueFile(files.filter(f -> f.toString().endsWith(".cq4")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .cq4 file in " + dir)));
        }
    }

    /** Replaces {@code from} by {@code to} (same length) inside the record holding it. */
    void replace(byte[] from, byte[] to) throws Exception {
        int at = find(from);
        System.arraycopy(to, 0, bytes, at, to.length);
        Files.write(file, bytes);
    }

    /** Marks the excerpt of the record holding {@code content} as metadata: it disappears from the trail. */
    void hide(byte[] content) throws Exception {
        int header = headerOf(find(content));
        putInt(header, getInt(header) | META_DATA);
        Files.write(file, bytes);
    }

    /** Swaps the excerpts of the records holding {@code a} and {@code b}, which must be the same length. */
    void swap(byte[] a, byte[] b) throws Exception {
        int ha = headerOf(find(a));
        int hb = headerOf(find(b));
        int length = getInt(ha) & LENGTH_MASK;
        if ((getInt(hb) & LENGTH_MASK) != length) {
            throw new AssertionError("records of different lengths cannot be swapped in place");
        }
        byte[] first = java.util.Arrays.copyOfRange(bytes, ha, ha + 4 + length);
        System.arraycopy(bytes, hb, bytes, ha, 4 + length);
        System.arraycopy(first, 0, bytes, hb, first.length);
        Files.write(file, bytes);
    }

    private int find(byte[] content) {
        int found = -1;
        outer:
        for (int i = 0; i + content.length <= bytes.length; i++) {
            for (int j = 0; j < content.length; j++) {
                if (bytes[i + j] != content[j]) {
                    continue outer;
                }
            }
            if (found >= 0) {
                throw new AssertionError(new String(content) + " occurs more than once in " + file);
            }
            found = i;
        }
        if (found < 0) {
            throw new AssertionError(new String(content) + " is not in " + file);
        }
        return found;
    }

    /** The header of the record excerpt around {@code at}: the nearest record start before it whose length covers it. */
    private int headerOf(int at) {
        for (int p = at - 1; p >= 4; p--) {
            int h = getInt(p - 4);
            int length = h & LENGTH_MASK;
            if (bytes[p] == RECORD && (h & ~LENGTH_MASK) == 0 && p + length > at && length < 4096) {
                return p - 4;
            }
        }
        throw new AssertionError("no record excerpt around offset " + at);
    }

    private int getInt(int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    private void putInt(int at, int v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >> 8);
        bytes[at + 2] = (byte) (v >> 16);
        bytes[at + 3] = (byte) (v >> 24);
    }
}
