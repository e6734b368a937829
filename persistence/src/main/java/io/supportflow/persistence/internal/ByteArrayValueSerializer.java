package io.supportflow.persistence.internal;

import org.mapdb.DataInput2;
import org.mapdb.serializer.SerializerByteArray;

import java.io.EOFException;
import java.io.IOException;

/**
 * MapDB's {@code Serializer.BYTE_ARRAY}, byte for byte (a node's values: their count, then each a packed length and
 * its bytes), reading only the one value a lookup wants from a stored node, where MapDB decodes them all, and sharing one
 * empty array among the empty values (index tables hold nothing else). Public
 * only because MapDB instantiates a map's serializers by itself; not part of the API.
 */
public final class ByteArrayValueSerializer extends SerializerByteArray {
    private static final byte[] EMPTY = new byte[0];

    /** Decodes a node's values as MapDB does, except that every empty value is one shared empty array. */
    @Override
    public byte[][] valueArrayDeserialize(DataInput2 input, int size) throws IOException {
        byte[][] values = new byte[input.unpackInt()][];
        for (int i = 0; i < values.length; i++) {
            int length = input.unpackInt();
            values[i] = length == 0 ? EMPTY : new byte[length];
            input.readFully(values[i]);
        }
        return values;
    }

    @Override
    public byte[] valueArrayBinaryGet(DataInput2 input, int keysLen, int pos) throws IOException {
        int count = input.unpackInt();
        if (pos < 0 || pos >= count) {
            throw new IOException("value " + pos + " of a node holding " + count);
        }
        for (int i = 0; i < pos; i++) {
            skip(input, input.unpackInt());
        }
        byte[] value = new byte[input.unpackInt()];
        input.readFully(value);
        return value;
    }

    private static void skip(DataInput2 input, int bytes) throws IOException {
        if (input.skipBytes(bytes) != bytes) {
            throw new EOFException("a node's value ends early");
        }
    }
}
