package io.supportflow.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** For the tests of every module: damage a store's data file in place, and make an open store read it again. */
public final class DamagedFiles {

    private DamagedFiles() {
    }

    /**
     * Flips one bit in every third page of the MapDB store in {@code dataFile} (never its header page, nor the first
     * page, MapDB's own header), at a position that moves from page to page; returns the file's new bytes.
     */
    public static byte[] flipEveryThirdPage(Path dataFile) throws IOException {
        byte[] flipped = Files.readAllBytes(dataFile);
        for (int page = 3; page < flipped.length / PageFile.PAGE; page += 3) {
            flipped[page * PageFile.PAGE + (page * 389) % PageFile.PAGE] ^= 0x10;
        }
        Files.write(dataFile, flipped);
        return flipped;
    }

    /** Flips one byte of {@code dataFile} at {@code offset}; returns the file's new bytes. */
    public static byte[] flipByte(Path dataFile, int offset) throws IOException {
        byte[] flipped = Files.readAllBytes(dataFile);
        flipped[offset] ^= 0x01;
        Files.write(dataFile, flipped);
        return flipped;
    }

    /**
     * Makes the next read of every page of the open file store {@code store} go to the file, as in a store larger than
     * its page cache.
     */
    public static void dropCachedPages(SupportStore store) {
        ((MapDbTables) ((TableStore) store).tables()).dropCachedPages();
    }
}
