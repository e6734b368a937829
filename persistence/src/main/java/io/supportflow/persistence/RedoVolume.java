package io.supportflow.persistence;

import org.mapdb.CC;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

/**
 * The MapDB volume of the data file, made crash-safe by a {@link RedoLog}. MapDB's writes between two
 * {@link #sync()} calls stay in memory (a {@link RedoBatch} plus the images of the pages they touch, which reads
 * see); {@code sync()} is the commit: it forces the batch to the redo log, then writes it to the data file.
 * Committed pages are cached (up to {@code CACHED_PAGES} of 4 KiB, see {@link PageCache}), because MapDB reads
 * some structures a field at a time. Every {@code CHECKPOINT_BYTES} of log, the data file is forced and the log
 * emptied. {@link #close()} discards writes not yet synced. Reads may run concurrently with each other and with
 * {@code sync()}, not with writes; writes must come from one thread at a time.
 *
 * <p>Why not MapDB's own write-ahead log ({@code transactionEnable()}): in MapDB 3.1.0 {@code StoreWAL} logs only
 * part of a commit and never replays its log when a store is opened, so a process killed while a commit is being
 * copied into the data file leaves it damaged; a kill test of plain MapDB broke its store in 2 of 3 runs of 60 to 80
 * kills.
 */
final class RedoVolume extends Volume {
    private static final int PAGE = PageFile.CONTENT;
    private static final long CHECKPOINT_BYTES = 16L << 20;
    private static final int CACHED_PAGES = 4096;
    private static final byte[] ZEROS = new byte[PageFile.PAGE];
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Path path;
    private final PageFile data;
    private final RedoLog log;
    private final AtomicReference<StoreDamagedException> damage;
    private final Map<Long, byte[]> dirtyPages = new ConcurrentHashMap<>();
    private final PageCache cleanPages = new PageCache(CACHED_PAGES);
    private final RedoBatch batch = new RedoBatch();
    private volatile PageImage lastRead;
    private volatile long committedLength;
    private volatile long length;

    /**
     * The volume of the data file {@code data}, whose committed content is its logical length; the first page that
     * fails its check on a read is recorded in {@code damage}.
     */
    RedoVolume(PageFile data, RedoLog log, AtomicReference<StoreDamagedException> damage) throws IOException {
        this.path = data.path();
        this.data = data;
        this.log = log;
        this.damage = damage;
        this.committedLength = data.logicalLength();
        this.length = committedLength;
    }

    @Override
    public void sync() {
        if (batch.isEmpty() && length == committedLength) {
            return;
        }
        try {
            batch.extendTo(length);
            log.append(batch);
            writePages();
            committedLength = length;
            dirtyPages.forEach(cleanPages::put);
            dirtyPages.clear();
            batch.clear();
            if (log.size() > CHECKPOINT_BYTES) {
                checkpoint();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("commit to " + path + " failed", e);
        }
    }

    /**
     * Writes the logged batch to the data file as the images of the pages it touched and zero pages for the rest of
     * any extension (each run of adjacent pages in one write, each page with its checksum). The images hold every write of
     * the batch over the committed content, so this leaves the file as replaying the batch would, in a few large
     * writes instead of one per MapDB write. Bytes of the batch in no dirty page were cleared beyond the committed
     * length, where the file reads zeros.
     */
    private void writePages() throws IOException {
        long[] pages = LongStream.concat(dirtyPages.keySet().stream().mapToLong(Long::longValue),
                LongStream.range(pagesFor(committedLength), pagesFor(length))).sorted().distinct().toArray();
        for (int first = 0, last; first < pages.length; first = last + 1) {
            last = first;
            while (last + 1 < pages.length && pages[last + 1] == pages[last] + 1) {
                last++;
            }
            byte[][] run = new byte[last - first + 1][];
            for (int i = first; i <= last; i++) {
                run[i - first] = dirtyPages.getOrDefault(pages[i], ZEROS);
            }
            data.writeRun(pages[first], run);
        }
    }

    private static long pagesFor(long length) {
        return (length + PAGE - 1) / PAGE;
    }

    /** Forces the data file and empties the redo log. */
    void checkpoint() throws IOException {
        data.force();
        log.reset(committedLength);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        batch.clear();
        dirtyPages.clear();
        cleanPages.clear();
        lastRead = null;
        length = committedLength;
        try (log) {
            checkpoint();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + path + " failed", e);
        }
    }

    /** Forgets every cached committed page, as if each had been evicted: the next read of each is from the file. */
    void dropCachedPages() {
        cleanPages.clear();
        lastRead = null;
    }

    @Override
    public void ensureAvailable(long offset) {
        length = Math.max(length, offset);
    }

    @Override
    public void truncate(long size) {
        throw new UnsupportedOperationException("the data file never shrinks (MapDB compaction is not used)");
    }

    @Override
    public void putLong(long offset, long value) {
        write(offset, ByteBuffer.allocate(8).putLong(value).array());
    }

    @Override
    public void putInt(long offset, int value) {
        write(offset, ByteBuffer.allocate(4).putInt(value).array());
    }

    @Override
    public void putByte(long offset, byte value) {
        write(offset, new byte[] {value});
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        batch.write(offset, src, srcPos, srcSize);
        length = Math.max(length, offset + srcSize);
        overlay(offset, src, srcPos, srcSize);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        write(offset, bytes);
    }

    @Override
    public void putSixLong(long pos, long value) {
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (value >>> (40 - 8 * i));
        }
        write(pos, bytes);
    }

    @Override
    public int putPackedLong(long pos, long value) {
        byte[] bytes = new byte[10];
        int size = 0;
        int shift = 63 - Long.numberOfLeadingZeros(value);
        shift -= shift % 7;
        while (shift != 0) {
            bytes[size++] = (byte) ((value >>> shift) & 0x7F);
            shift -= 7;
        }
        bytes[size++] = (byte) ((value & 0x7F) | 0x80);
        putData(pos, bytes, 0, size);
        return size;
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        batch.zero(startOffset, endOffset - startOffset);
        length = Math.max(length, endOffset);
        for (long page = startOffset / PAGE; page * PAGE < endOffset; page++) {
            long from = Math.max(startOffset, page * PAGE);
            long to = Math.min(endOffset, (page + 1) * PAGE);
            if (dirtyPages.containsKey(page) || from < committedLength) {
                overlay(from, new byte[(int) (to - from)], 0, (int) (to - from));
            }
        }
    }

    @Override
    public long getLong(long offset) {
        int inPage = (int) (offset % PAGE);
        if (inPage <= PAGE - Long.BYTES) {
            return (long) LONG.get(page(offset, Long.BYTES), inPage);
        }
        return ByteBuffer.wrap(read(offset, Long.BYTES)).getLong();
    }

    @Override
    public int getInt(long offset) {
        int inPage = (int) (offset % PAGE);
        if (inPage <= PAGE - Integer.BYTES) {
            return (int) INT.get(page(offset, Integer.BYTES), inPage);
        }
        return ByteBuffer.wrap(read(offset, Integer.BYTES)).getInt();
    }

    @Override
    public byte getByte(long offset) {
        return page(offset, 1)[(int) (offset % PAGE)];
    }

    @Override
    public long getSixLong(long pos) {
        byte[] bytes = read(pos, 6);
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }

    @Override
    public long getPackedLong(long position) {
        byte[] bytes = read(position, (int) Math.min(10, length - position));
        long value = 0;
        for (int i = 0; i < bytes.length; i++) {
            value = value << 7 | (bytes[i] & 0x7F);
            if ((bytes[i] & 0x80) != 0) {
                return (long) (i + 1) << 60 | value;
            }
        }
        throw new DBException.DataCorruption("packed long without end at " + position + " in " + path);
    }

    /**
     * An input over the page image itself when the {@code size} bytes lie in one page (MapDB reads a node or record
     * at once, and no write runs meanwhile: see the class comment), else over a copy.
     */
    @Override
    public DataInput2 getDataInput(long offset, int size) {
        checkBounds(offset, size);
        int inPage = (int) (offset % PAGE);
        if (inPage + size <= PAGE) {
            return new DataInput2.ByteArray(image(offset / PAGE), inPage);
        }
        return new DataInput2.ByteArray(read(offset, size));
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        read(offset, bytes, bytesPos, size);
    }

    @Override
    public int sliceSize() {
        return (int) CC.PAGE_SIZE;
    }

    @Override
    public boolean isSliced() {
        return false;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return path.toFile();
    }

    /** The directory lock held by the store covers the data file. */
    @Override
    public boolean getFileLocked() {
        return true;
    }

    private void write(long offset, byte[] bytes) {
        putData(offset, bytes, 0, bytes.length);
    }

    private void overlay(long offset, byte[] src, int srcPos, int size) {
        long at = offset;
        int from = srcPos;
        int left = size;
        while (left > 0) {
            long page = at / PAGE;
            int inPage = (int) (at % PAGE);
            int n = Math.min(left, PAGE - inPage);
            byte[] image = dirtyPages.computeIfAbsent(page, p -> committedPage(p).clone());
            lastRead = null;
            System.arraycopy(src, from, image, inPage, n);
            at += n;
            from += n;
            left -= n;
        }
    }

    /**
     * The current image of {@code page}: its dirty image, else its committed content. The page last looked up is
     * remembered, since MapDB reads a structure field by field; a write that gives a page a dirty image forgets it.
     */
    private byte[] image(long page) {
        PageImage recent = lastRead;
        if (recent != null && recent.page() == page) {
            return recent.image();
        }
        byte[] image = dirtyPages.get(page);
        if (image == null) {
            image = committedPage(page);
        }
        lastRead = new PageImage(page, image);
        return image;
    }

    private record PageImage(long page, byte[] image) {
    }

    /**
     * The committed content of {@code page} (zeros beyond the committed length); shared, not to be modified. A page
     * read from the file is checked first, so no page that fails its check is ever seen, nor becomes dirty and is
     * written back with a fresh checksum.
     *
     * @throws StoreDamagedException when the page fails its check (also recorded in {@code damage})
     */
    private byte[] committedPage(long page) {
        byte[] image = cleanPages.get(page);
        if (image == null) {
            if (page * PAGE >= committedLength) {
                return new byte[PageFile.PAGE];
            }
            try {
                image = data.read(page);
            } catch (StoreDamagedException e) {
                damage.compareAndSet(null, e);
                throw e;
            } catch (IOException e) {
                throw new DBException.VolumeIOError(e);
            }
            cleanPages.put(page, image);
        }
        return image;
    }


    /** The image of the page holding {@code offset}, after checking that {@code size} bytes from there exist. */
    private byte[] page(long offset, int size) {
        checkBounds(offset, size);
        long page = offset / PAGE;
        return image(page);
    }

    private void checkBounds(long offset, int size) {
        if (offset < 0 || offset + size > length) {
            throw new DBException.VolumeEOF("read of " + size + " bytes at " + offset + " beyond the end (" + length
                    + ") of " + path);
        }
    }

    private byte[] read(long offset, int size) {
        byte[] bytes = new byte[size];
        read(offset, bytes, 0, size);
        return bytes;
    }

    private void read(long offset, byte[] target, int targetPos, int size) {
        checkBounds(offset, size);
        long at = offset;
        int to = targetPos;
        int left = size;
        while (left > 0) {
            long page = at / PAGE;
            int inPage = (int) (at % PAGE);
            int n = Math.min(left, PAGE - inPage);
            System.arraycopy(image(page), inPage, target, to, n);
            at += n;
            to += n;
            left -= n;
        }
    }
}
