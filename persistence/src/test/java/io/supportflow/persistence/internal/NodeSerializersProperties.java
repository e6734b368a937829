package io.supportflow.persistence.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializer;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The node serializers write MapDB's bytes and find in a stored node what MapDB's own search finds. */
class NodeSerializersProperties {
    private static final StringKeySerializer KEYS = new StringKeySerializer();
    private static final ByteArrayValueSerializer VALUES = new ByteArrayValueSerializer();

    @Property(tries = 1000)
    void aStoredNodesKeysAreFoundWhereMapDbFindsThemAndTheInputIsLeftAfterThem(
            @ForAll("keys") List<String> keys, @ForAll("text") String wanted) throws IOException {
        String[] sorted = new TreeSet<>(keys).toArray(String[]::new);
        byte[] ours = keysOf(KEYS, sorted);
        assertThat(ours).isEqualTo(keysOf(Serializer.STRING, sorted));

        DataInput2 theirInput = new DataInput2.ByteArray(ours);
        int theirs = Serializer.STRING.valueArrayBinarySearch(wanted, theirInput, sorted.length, Serializer.STRING);
        DataInput2 ourInput = new DataInput2.ByteArray(ours);
        int found = KEYS.valueArrayBinarySearch(wanted, ourInput, sorted.length, KEYS);

        assertThat(found).isEqualTo(theirs);
        assertThat(ourInput.getPos()).isEqualTo(theirInput.getPos()).isEqualTo(ours.length);
    }

    @Property(tries = 1000)
    void aNodesKeysDecodeAndAreSearchedAsMapDbDoes(@ForAll("keys") List<String> keys, @ForAll("text") String wanted)
            throws IOException {
        String[] sorted = new TreeSet<>(keys).toArray(String[]::new);
        byte[] stored = keysOf(Serializer.STRING, sorted);
        DataInput2 ourInput = new DataInput2.ByteArray(stored);
        Object ours = KEYS.valueArrayDeserialize(ourInput, sorted.length);
        Object theirs = Serializer.STRING.valueArrayDeserialize(new DataInput2.ByteArray(stored), sorted.length);

        assertThat(KEYS.valueArrayToArray(ours)).isEqualTo(sorted);
        assertThat(ourInput.getPos()).isEqualTo(stored.length);
        assertThat(KEYS.valueArraySearch(ours, wanted, KEYS))
                .isEqualTo(KEYS.valueArraySearch(ours, wanted))
                .isEqualTo(Serializer.STRING.valueArraySearch(theirs, wanted, Serializer.STRING));
    }

    @Property(tries = 500)
    void aStoredNodesValueIsTheOneMapDbReads(@ForAll("values") List<byte[]> values, @ForAll int seed)
            throws IOException {
        byte[][] array = values.toArray(byte[][]::new);
        byte[] ours = valuesOf(VALUES, array);
        assertThat(ours).isEqualTo(valuesOf(Serializer.BYTE_ARRAY, array));

        DataInput2 input = new DataInput2.ByteArray(ours);
        assertThat(VALUES.valueArrayDeserialize(input, array.length)).isEqualTo(array);
        assertThat(input.getPos()).isEqualTo(ours.length);
        int position = Math.floorMod(seed, array.length);
        assertThat(VALUES.valueArrayBinaryGet(new DataInput2.ByteArray(ours), array.length, position))
                .isEqualTo(Serializer.BYTE_ARRAY.valueArrayBinaryGet(new DataInput2.ByteArray(ours), array.length,
                        position));
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return shortStrings().list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> text() {
        return shortStrings();
    }

    /** Short strings over few chars, so that prefixes and equal keys are common; some need packed chars > 127. */
    private static Arbitrary<String> shortStrings() {
        return Arbitraries.of("a", "b", "\u0000", "\u007f", "\u0080", "é", "€", "\uffff").list().ofMaxSize(6)
                .map(chars -> String.join("", chars));
    }

    @Provide
    Arbitrary<List<byte[]>> values() {
        Arbitrary<byte[]> value = Arbitraries.oneOf(Arbitraries.just(new byte[0]),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
        return value.list().ofMinSize(1).ofMaxSize(20);
    }

    private static byte[] keysOf(GroupSerializer<String> serializer, String[] keys) throws IOException {
        DataOutput2 out = new DataOutput2();
        serializer.valueArraySerialize(out, serializer.valueArrayFromArray(keys));
        return out.copyBytes();
    }

    private static byte[] valuesOf(GroupSerializer<byte[]> serializer, byte[][] values) throws IOException {
        DataOutput2 out = new DataOutput2();
        serializer.valueArraySerialize(out, serializer.valueArrayFromArray(values));
        return out.copyBytes();
    }
}
