package io.supportflow.persistence;

/**
 * An order-independent fingerprint of a set of keys: their count and the sum of a 64-bit hash of each. Two sets with
 * the same fingerprint are, but for a 2^-64 chance, equal; computing one needs constant memory.
 */
final class KeyDigest {
    private long count;
    private long sum;

    static KeyDigest of(Iterable<String> keys) {
        KeyDigest digest = new KeyDigest();
        keys.forEach(digest::add);
        return digest;
    }

    void add(String key) {
        count++;
        sum += hash(key);
    }

    long count() {
        return count;
    }

    boolean sameAs(KeyDigest other) {
        return count == other.count && sum == other.sum;
    }

    /** FNV-1a over the chars, then the MurmurHash3 finaliser to spread the bits. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
