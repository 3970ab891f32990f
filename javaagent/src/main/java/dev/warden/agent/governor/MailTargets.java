package dev.warden.agent.governor;

import java.nio.charset.Charset;
import java.util.Base64;
import java.util.Locale;

/**
 * policy.md's {@code mail.send} targets: each recipient address lower-cased. An address holding
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}, which RFC 2047 section 5 forbids in an
 * address and no server decodes, but a reader's mail client may show decoded) is also decided as
 * it reads decoded, so it cannot pass as the address it pretends to be.
 */
final class MailTargets {

    private MailTargets() {}

    /** The address trimmed and lower-cased; the same instance when it already is. */
    static String target(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code address} with its encoded words decoded, or {@code null} when it holds none (or a malformed one). */
    static String decoded(String address) {
        int start = address.indexOf("=?");
        if (start < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(address.length());
        int i = 0;
        while (start >= 0) {
            int charsetEnd = address.indexOf('?', start + 2);
            int encodingEnd = charsetEnd < 0 ? -1 : address.indexOf('?', charsetEnd + 1);
            int end = encodingEnd < 0 ? -1 : address.indexOf("?=", encodingEnd + 1);
            if (end < 0 || encodingEnd != charsetEnd + 2) {
                return null;
            }
            String word = decodeWord(address.substring(start + 2, charsetEnd), address.charAt(charsetEnd + 1),
                    address.substring(encodingEnd + 1, end));
            if (word == null) {
                return null;
            }
            out.append(address, i, start).append(word);
            i = end + 2;
            start = address.indexOf("=?", i);
        }
        return out.append(address, i, address.length()).toString();
    }

    private static String decodeWord(String charsetName, char encoding, String text) {
        try {
            int star = charsetName.indexOf('*'); // RFC 2231 language suffix: =?utf-8*en?Q?...?=
            Charset charset = Charset.forName(star < 0 ? charsetName : charsetName.substring(0, star));
            switch (Character.toUpperCase(encoding)) {
                case 'B':
                    return new String(Base64.getMimeDecoder().decode(text), charset);
                case 'Q':
                    return new String(quoted(text), charset);
                default:
                    return null;
            }
        } catch (IllegalArgumentException unknownCharsetOrBadText) { // NumberFormatException too
            return null;
        }
    }

    /** RFC 2047's "Q" encoding: {@code _} is a space, {@code =XX} a byte. */
    private static byte[] quoted(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
