package io.supportflow.persistence.internal;

import org.mapdb.DataInput2;
import org.mapdb.serializer.SerializerString;

import java.io.IOException;
import java.util.Comparator;

/**
 * MapDB's {@code Serializer.STRING}, byte for byte (a B-tree node's keys: each a packed length, then each char
 * packed), with a search of a stored node that compares the wanted key with each stored one as it reads it. MapDB's
 * own search first decodes every key of the node into a new array, which was a tenth of a busy store's CPU. Public
 * only because MapDB instantiates a map's serializers by itself; not part of the API.
 */
public final class StringKeySerializer extends SerializerString {

    /**
     * Where {@code key} is among the {@code count} keys stored at {@code input}, as {@code Arrays.binarySearch}
     * answers; reads all of them, so that {@code input} is left after the keys, as MapDB expects. A comparator other
     * than this serializer's natural order is left to MapDB's search.
     */
    @Override
    public int valueArrayBinarySearch(String key, DataInput2 input, int count, Comparator comparator)
            throws IOException {
        if (comparator != this) {
            return super.valueArrayBinarySearch(key, input, count, comparator);
        }
        int found = -(count + 1);
        boolean placed = false;
        for (int i = 0; i < count; i++) {
            int length = input.unpackInt();
            if (placed) {
                input.unpackLongSkip(length);
                continue;
            }
            int order = compareWithNext(key, input, length);
            if (order <= 0) {
                found = order == 0 ? i : -(i + 1);
                placed = true;
            }
        }
        return found;
    }

    /** Decodes a node's keys; the same as MapDB's, with the packed numbers read straight from a byte array input. */
    @Override
    public char[][] valueArrayDeserialize(DataInput2 input, int count) throws IOException {
        if (!(input instanceof DataInput2.ByteArray)) {
            return super.valueArrayDeserialize(input, count);
        }
        byte[] bytes = input.internalByteArray();
        int at = input.getPos();
        char[][] keys = new char[count][];
        for (int i = 0; i < count; i++) {
            int length = 0;
            byte b;
            do {
                b = bytes[at++];
                length = length << 7 | b & 0x7F;
            } while ((b & 0x80) == 0);
            char[] key = new char[length];
            for (int c = 0; c < length; c++) {
                int value = 0;
                do {
                    b = bytes[at++];
                    value = value << 7 | b & 0x7F;
                } while ((b & 0x80) == 0);
                key[c] = (char) value;
            }
            keys[i] = key;
        }
        input.setPos(at);
        return keys;
    }

    /** Where {@code key} is among a decoded node's keys, as {@code Arrays.binarySearch} answers, in String order. */
    @Override
    public int valueArraySearch(Object keys, String key) {
        char[][] sorted = (char[][]) keys;
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(key, sorted[middle]);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        return -(low + 1);
    }

    /** As {@link #valueArraySearch(Object, String)}; a comparator other than the natural order is left to MapDB. */
    @Override
    public int valueArraySearch(Object keys, String key, Comparator comparator) {
        return comparator == this ? valueArraySearch(keys, key) : super.valueArraySearch(keys, key, comparator);
    }

    /** {@code key.compareTo(new String(stored))}, without the String. */
    private static int compare(String key, char[] stored) {
        int common = Math.min(key.length(), stored.length);
        for (int i = 0; i < common; i++) {
            int order = key.charAt(i) - stored[i];
            if (order != 0) {
                return order;
            }
        }
        return key.length() - stored.length;
    }

    /** {@code key.compareTo(stored)} of the next stored key of {@code length} chars, which it reads whole. */
    private static int compareWithNext(String key, DataInput2 input, int length) throws IOException {
        int common = Math.min(key.length(), length);
        int read = 0;
        int order = 0;
        while (order == 0 && read < common) {
            order = key.charAt(read++) - (char) input.unpackInt();
        }
        input.unpackLongSkip(length - read);
        return order != 0 ? order : key.length() - length;
    }
}
