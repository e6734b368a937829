package io.supportflow.persistence;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the committed page images of a {@link RedoVolume} that the data file lacks (its unwritten pages: page number
 * to image, images never changed once there) to the data file, on a thread of its own, so that a commit waits for
 * its redo log entry only. A page is removed from the unwritten pages after it is written, and only if no newer image
 * replaced it meanwhile. One write at a time ({@link #writeAll} may also run on the caller's thread, for a checkpoint);
 * the first failure is kept and reported by every later call.
 */
final class PageWriter {
    private final PageFile data;
    private final Map<Long, byte[]> unwritten;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "supportflow-page-writer");
        writer.setDaemon(true);
        return writer;
    });
    private volatile IOException failure;

    PageWriter(PageFile data, Map<Long, byte[]> unwritten) {
        this.data = data;
        this.unwritten = unwritten;
    }

    /** Has the writer thread write the unwritten pages soon (returns at once). */
    void wake() {
        if (scheduled.compareAndSet(false, true)) {
            thread.execute(this::writeInBackground);
        }
    }

    private void writeInBackground() {
        scheduled.set(false);
        try {
            writeAll();
        } catch (IOException e) {
            // kept in failure, reported by the volume's next sync or close
        }
    }

    /**
     * Writes every page unwritten when it starts, adjacent pages in one write.
     *
     * @throws IOException if this or an earlier page write failed; the pages it did not write stay unwritten
     */
    void writeAll() throws IOException {
        writing.lock();
        try {
            ensureHealthy();
            long[] pages = unwritten.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            for (int first = 0, last; first < pages.length; first = last + 1) {
                last = first;
                while (last + 1 < pages.length && pages[last + 1] == pages[last] + 1) {
                    last++;
                }
                writeRun(pages, first, last);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            writing.unlock();
        }
    }

    private void writeRun(long[] pages, int first, int last) throws IOException {
        byte[][] run = new byte[last - first + 1][];
        for (int i = first; i <= last; i++) {
            run[i - first] = unwritten.get(pages[i]);
        }
        data.writeRun(pages[first], run);
        for (int i = first; i <= last; i++) {
            unwritten.remove(pages[i], run[i - first]);
        }
    }

    /** @throws IOException if a page write has failed */
    void ensureHealthy() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException("writing pages to " + data.path() + " failed", failed);
        }
    }

    /** Stops the writer thread once it has done what it was woken for; {@link #writeAll} still works afterwards. */
    void stop() {
        thread.shutdown();
        boolean interrupted = false;
        while (!thread.isTerminated()) {
            try {
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
