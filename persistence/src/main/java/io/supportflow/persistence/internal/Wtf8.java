package io.supportflow.persistence.internal;

import io.supportflow.persistence.RecordFormatException;

import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8, except that a surrogate without its partner is written as the 3-byte sequence of its code unit
 * (the WTF-8 convention), so that every Java string, even one decoded from a JSON {@code "\ud800"}, reads back
 * exactly. Well-formed text is plain UTF-8. Public for the store implementations in other modules.
 */
public final class Wtf8 {

    private Wtf8() {
    }

    /** The encoding of {@code s}. */
    public static byte[] encode(String s) {
        byte[] out = new byte[encodedLength(s)];
        encode(s, out, 0);
        return out;
    }

    /** The text {@link #encode(String)} wrote; malformed input is a {@link RecordFormatException}. */
    public static String decode(byte[] in) {
        return decode(in, 0, in.length);
    }

    static int encodedLength(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (isPair(s, i)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Writes the encoding of {@code s} into {@code out} from {@code at}; returns the position after it. */
    static int encode(String s, byte[] out, int at) {
        int p = at;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (isPair(s, i)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    /** Decodes {@code length} bytes from {@code at}; malformed input is a {@link RecordFormatException}. */
    static String decode(byte[] in, int at, int length) {
        if (isAscii(in, at, length)) {
            return new String(in, at, length, StandardCharsets.ISO_8859_1);
        }
        StringBuilder s = new StringBuilder(length);
        int p = at;
        int end = at + length;
        while (p < end) {
            int b = in[p++] & 0xFF;
            if (b < 0x80) {
                s.append((char) b);
            } else if (b >= 0xC2 && b < 0xE0) {
                s.append((char) ((b & 0x1F) << 6 | continuation(in, p++, end)));
            } else if (b >= 0xE0 && b < 0xF0) {
                int c = (b & 0x0F) << 12 | continuation(in, p++, end) << 6 | continuation(in, p++, end);
                s.append((char) checkMinimum(c, 0x800));
            } else if (b >= 0xF0 && b < 0xF5) {
                int cp = (b & 0x07) << 18 | continuation(in, p++, end) << 12 | continuation(in, p++, end) << 6
                        | continuation(in, p++, end);
                s.appendCodePoint(checkRange(cp));
            } else {
                throw RecordFormatException.corrupt("malformed text byte " + b);
            }
        }
        return s.toString();
    }

    private static boolean isAscii(byte[] in, int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (in[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static int continuation(byte[] in, int p, int end) {
        if (p >= end || (in[p] & 0xC0) != 0x80) {
            throw RecordFormatException.corrupt("malformed text sequence");
        }
        return in[p] & 0x3F;
    }

    private static int checkMinimum(int c, int minimum) {
        if (c < minimum) {
            throw RecordFormatException.corrupt("overlong text sequence");
        }
        return c;
    }

    private static int checkRange(int cp) {
        if (cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
            throw RecordFormatException.corrupt("text code point out of range");
        }
        return cp;
    }
}
