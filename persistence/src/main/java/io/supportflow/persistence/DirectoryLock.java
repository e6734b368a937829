package io.supportflow.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Exclusive use of a store directory: an OS lock on {@code supportflow.lock} against other processes (released by
 * the OS if the process dies), and a set of the directories open in this JVM, checked first, because closing any
 * channel of a locked file in the locking process would release the OS lock.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "supportflow.lock";
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final AtomicBoolean released = new AtomicBoolean();

    private DirectoryLock(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
    }

    /** @throws StoreOpenException if this JVM or another process has the directory open */
    static DirectoryLock acquire(Path directory) throws IOException {
        Path key = directory.toRealPath();
        if (!OPEN_IN_THIS_JVM.add(key)) {
            throw new StoreOpenException("store directory " + directory + " is already open in this JVM; close"
                    + " the other store first");
        }
        try {
            FileChannel channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StoreOpenException("store directory " + directory + " is already opened by another"
                        + " process (it holds " + key.resolve(FILE_NAME) + "); stop that process first");
            }
            return new DirectoryLock(key, channel);
        } catch (IOException | RuntimeException e) {
            OPEN_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            OPEN_IN_THIS_JVM.remove(directory);
        }
    }
}
