package briefing.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two builds of one output folder, in this process or another, from running at once. Each
 * stages beside the site and deletes the staging folders it takes for a killed build's, so a
 * second build (say, {@code build} run while {@code watch} rebuilt) deleted the first one's under
 * it, and both failed. The lock is the operating system's on {@code .NAME.lock} beside the output:
 * released when its holder ends, however it ends. The file stays.
 */
public final class OutputLock implements AutoCloseable {
    /** A JVM cannot hold one file's lock twice: its own builds queue here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> HERE = new ConcurrentHashMap<>();

    private final ReentrantLock here;
    private final FileChannel channel;

    private OutputLock(ReentrantLock here, FileChannel channel) {
        this.here = here;
        this.channel = channel;
    }

    /**
     * Takes the lock of {@code out}, waiting while another build holds it; {@code whenWaiting} is
     * told once, before the wait. Close it on the thread that took it.
     */
    public static OutputLock take(Path out, Runnable whenWaiting) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path file = abs.resolveSibling("." + abs.getFileName() + ".lock");
        ReentrantLock here = HERE.computeIfAbsent(file, f -> new ReentrantLock());
        boolean told = false;
        if (!here.tryLock()) {
            whenWaiting.run();
            told = true;
            here.lock();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!told) whenWaiting.run();
                channel.lock();
            }
            return new OutputLock(here, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) channel.close();
            here.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the lock
        } finally {
            here.unlock();
        }
    }
}
