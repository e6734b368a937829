package io.supportflow.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Committed page images, at most {@code capacity} of them, in two generations: new images and hits go to the young
 * one; when it is full, the old generation is dropped and the young one becomes old. A page used again since the last
 * turn survives it, so the pages every commit touches (tree roots, the store header) stay cached while the file grows.
 * Thread-safe; an image lost to a race only costs a read.
 */
final class PageCache {
    private final int generation;
    private volatile Map<Long, byte[]> young = new ConcurrentHashMap<>();
    private volatile Map<Long, byte[]> old = new ConcurrentHashMap<>();

    PageCache(int capacity) {
        this.generation = Math.max(1, capacity / 2);
    }

    /** The cached image of {@code page}, or null. */
    byte[] get(long page) {
        byte[] image = young.get(page);
        if (image == null) {
            image = old.get(page);
            if (image != null) {
                put(page, image);
            }
        }
        return image;
    }

    void put(long page, byte[] image) {
        Map<Long, byte[]> current = young;
        if (current.size() >= generation) {
            turn(current);
        }
        young.put(page, image);
    }

    void clear() {
        young = new ConcurrentHashMap<>();
        old = new ConcurrentHashMap<>();
    }

    private synchronized void turn(Map<Long, byte[]> full) {
        if (young == full) {
            old = full;
            young = new ConcurrentHashMap<>();
        }
    }
}
