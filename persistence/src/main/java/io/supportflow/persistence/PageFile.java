package io.supportflow.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The data file in store format 2: pages of {@value #PAGE} bytes, each {@value #CONTENT} bytes of content followed by
 * the CRC-32C of the page's number (8 bytes, big-endian) and its content, so a flipped byte anywhere in a page, or a
 * page written at the wrong place, fails the page's check. The first page of the file is its header (page number -1:
 * {@code "SFSTORE\0"}, the format version as an int, the page size as an int); page {@code p >= 0}, at file offset
 * {@code (p + 1) * PAGE}, holds bytes {@code [p * CONTENT, (p + 1) * CONTENT)} of the MapDB store (the <em>logical</em>
 * file). The file is always whole pages: its logical length is {@code (pages in the file - 1) * CONTENT}.
 *
 * <p>Format 1 (up to this version) was the MapDB file itself, unchecked; {@link StoreFormat} migrates it.
 */
final class PageFile implements AutoCloseable {
    static final int PAGE = 4096;
    static final int CONTENT = PAGE - Integer.BYTES;
    static final int FORMAT_VERSION = 2;
    private static final byte[] MAGIC = "SFSTORE\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SCAN_PAGES = 256;

    private final Path path;
    private final FileChannel channel;

    private PageFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** An empty file of format 2 (its header only) on {@code channel}, which must be empty. */
    static PageFile create(Path path, FileChannel channel) throws IOException {
        PageFile file = new PageFile(path, channel);
        byte[] header = new byte[PAGE];
        ByteBuffer.wrap(header).put(MAGIC).putInt(FORMAT_VERSION).putInt(PAGE);
        file.writePage(-1, header);
        return file;
    }

    /**
     * The format-2 file on {@code channel}, after checking its header page. A last page cut short (an extension
     * interrupted by a crash) is ignored: see {@link #dropPartialPage()}.
     *
     * @throws StoreOpenException naming the file when it has no whole header page, or its header is damaged or of
     *                            another format
     */
    static PageFile open(Path path, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < PAGE) {
            throw new StoreOpenException("data file " + path + " is truncated or damaged: " + size + " bytes is less"
                    + " than its header page");
        }
        PageFile file = new PageFile(path, channel);
        byte[] header;
        try {
            header = file.read(-1);
        } catch (StoreDamagedException e) {
            throw new StoreOpenException(e.getMessage(), e);
        }
        if (!hasMagic(header)) {
            throw new StoreOpenException("data file " + path + " is not a supportflow data file (damaged header)");
        }
        int version = ByteBuffer.wrap(header).getInt(MAGIC.length);
        if (version != FORMAT_VERSION || ByteBuffer.wrap(header).getInt(MAGIC.length + 4) != PAGE) {
            throw new StoreOpenException("data file " + path + " is of store format version " + version
                    + "; this library reads store format version " + FORMAT_VERSION + " (and migrates version 1)");
        }
        return file;
    }

    /**
     * Cuts off a last page that is not whole. Only an extension of the file interrupted by a crash leaves one, beyond
     * the last checkpoint and rewritten by the redo log if its commit was logged; call after replaying the log.
     */
    void dropPartialPage() throws IOException {
        long size = channel.size();
        if (size % PAGE != 0) {
            channel.truncate(size - size % PAGE);
        }
    }

    /** Whether {@code firstBytes} begin with the format-2 magic. */
    static boolean hasMagic(byte[] firstBytes) {
        return firstBytes.length >= MAGIC.length && Arrays.equals(firstBytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The logical length of a format-2 file of {@code fileSize} bytes. */
    static long logicalLength(long fileSize) {
        return Math.max(0, fileSize / PAGE - 1) * CONTENT;
    }

    Path path() {
        return path;
    }

    long logicalLength() throws IOException {
        return logicalLength(channel.size());
    }

    /**
     * The content of logical page {@code page} ({@code -1}: the header page) as an array of {@link #PAGE} bytes
     * (the last four are the stored checksum), after checking it.
     *
     * @throws StoreDamagedException naming the file and the page when the check fails
     */
    byte[] read(long page) throws IOException {
        byte[] image = readUnchecked(page);
        int stored = ByteBuffer.wrap(image).getInt(CONTENT);
        int computed = checksum(page, image);
        if (stored != computed) {
            throw damaged(page, "checksum mismatch: stored " + Integer.toHexString(stored) + ", computed "
                    + Integer.toHexString(computed));
        }
        return image;
    }

    /** Writes {@code image} (at least {@link #CONTENT} bytes; its last four bytes are overwritten) as page {@code page}. */
    void writePage(long page, byte[] image) throws IOException {
        ByteBuffer buffer = sealed(page, image);
        RedoBatch.writeFully(channel, buffer, position(page));
    }

    /** Writes the images of the adjacent pages from {@code firstPage} in one write. */
    void writeRun(long firstPage, byte[][] images) throws IOException {
        ByteBuffer run = ByteBuffer.allocate(images.length * PAGE);
        for (int i = 0; i < images.length; i++) {
            run.put(sealed(firstPage + i, images[i]));
        }
        RedoBatch.writeFully(channel, run.flip(), position(firstPage));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Forces the file to disk. */
    void force() throws IOException {
        channel.force(true);
    }

    /**
     * Checks every page, header included, reading large runs; tells {@code damage} of each page that fails.
     *
     * @return the number of pages checked
     */
    long checkAll(Consumer<StoreDamagedException> damage) throws IOException {
        long pages = channel.size() / PAGE;
        if (channel.size() % PAGE != 0) {
            damage.accept(damaged(pages - 1, "the file ends within the page"));
        }
        ByteBuffer run = ByteBuffer.allocate(SCAN_PAGES * PAGE);
        byte[] image = new byte[PAGE];
        for (long first = 0; first < pages; first += SCAN_PAGES) {
            run.clear().limit((int) (Math.min(SCAN_PAGES, pages - first) * PAGE));
            RedoLog.readFully(channel, run, first * PAGE);
            run.flip();
            for (long page = first - 1; run.hasRemaining(); page++) {
                run.get(image);
                int stored = ByteBuffer.wrap(image).getInt(CONTENT);
                if (stored != checksum(page, image)) {
                    damage.accept(damaged(page, "checksum mismatch"));
                }
            }
        }
        return pages;
    }

    /** A change to the logical file that reads and writes whole pages, for replaying the redo log. */
    Patch patch() {
        return new Patch();
    }

    /**
     * Applies writes to page images and writes them at {@link #flush()}. Pages are read without their check: after
     * a crash a page the log rewrites may be torn (part old, part new), which replay repairs.
     */
    final class Patch implements RedoBatch.Target {
        private final Map<Long, byte[]> pages = new TreeMap<>();

        @Override
        public void write(long offset, ByteBuffer bytes) throws IOException {
            long at = offset;
            while (bytes.hasRemaining()) {
                int inPage = (int) (at % CONTENT);
                int n = Math.min(bytes.remaining(), CONTENT - inPage);
                bytes.get(image(at / CONTENT), inPage, n);
                at += n;
            }
        }

        @Override
        public void zero(long offset, long length) throws IOException {
            for (long at = offset; at < offset + length; ) {
                int n = (int) Math.min(CONTENT - at % CONTENT, offset + length - at);
                Arrays.fill(image(at / CONTENT), (int) (at % CONTENT), (int) (at % CONTENT) + n, (byte) 0);
                at += n;
            }
        }

        @Override
        public void extend(long logicalLength) throws IOException {
            for (long page = Math.max(0, channel.size() / PAGE - 1); page < pagesFor(logicalLength); page++) {
                image(page);
            }
        }

        void flush() throws IOException {
            for (Map.Entry<Long, byte[]> e : pages.entrySet()) {
                writePage(e.getKey(), e.getValue());
            }
            pages.clear();
        }

        private byte[] image(long page) throws IOException {
            byte[] image = pages.get(page);
            if (image == null) {
                image = position(page) < channel.size() ? readUnchecked(page) : new byte[PAGE];
                pages.put(page, image);
            }
            return image;
        }
    }

    StoreDamagedException damaged(long page, String why) {
        String what = page < 0 ? "the header page" : "page " + page + " (bytes " + page * CONTENT + " to "
                + ((page + 1) * CONTENT - 1) + " of the MapDB store)";
        return new StoreDamagedException("data file " + path + " is damaged: " + what + ", at file offset "
                + position(page) + ", failed its check (" + why + ")", path, page, null, null);
    }

    /** The page as stored, zeros where the file ends within it. */
    private byte[] readUnchecked(long page) throws IOException {
        byte[] image = new byte[PAGE];
        ByteBuffer target = ByteBuffer.wrap(image, 0, (int) Math.max(0, Math.min(PAGE, channel.size() - position(page))));
        RedoLog.readFully(channel, target, position(page));
        return image;
    }

    private static ByteBuffer sealed(long page, byte[] image) {
        ByteBuffer buffer = ByteBuffer.allocate(PAGE);
        buffer.put(image, 0, CONTENT).putInt(checksum(page, image));
        return buffer.flip();
    }

    /** CRC-32C of the page number and the content of {@code image}. */
    static int checksum(long page, byte[] image) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, page));
        crc.update(image, 0, CONTENT);
        return (int) crc.getValue();
    }

    private static long pagesFor(long logicalLength) {
        return (logicalLength + CONTENT - 1) / CONTENT;
    }

    private static long position(long page) {
        return (page + 1) * PAGE;
    }
}
