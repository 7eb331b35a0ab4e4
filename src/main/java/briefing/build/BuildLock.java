package briefing.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two builds that share a cache folder from running at once: by default two builds of one
 * output folder, whose cache is beside it. Each stages beside the site and deletes the staging
 * folders it takes for a killed build's, so a second build (say, {@code build} run while
 * {@code watch} rebuilt) deleted the first one's under it, and both failed; both also append to
 * the cache's pack. The lock is the operating system's on the cache folder's {@code lock} file:
 * released when its holder ends, however it ends. The file stays.
 */
final class BuildLock implements AutoCloseable {
    /** A JVM cannot hold one file's lock twice: its own builds queue here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> HERE = new ConcurrentHashMap<>();

    private final ReentrantLock here;
    private final FileChannel channel;

    private BuildLock(ReentrantLock here, FileChannel channel) {
        this.here = here;
        this.channel = channel;
    }

    /**
     * Takes the lock of the cache folder {@code cache}, waiting while another build holds it;
     * {@code whenWaiting} is told once, before the wait. Close it on the thread that took it.
     */
    static BuildLock take(Path cache, Runnable whenWaiting) throws IOException {
        return lock(cache, java.util.Objects.requireNonNull(whenWaiting));
    }

    /**
     * The lock of {@code cache} if no build holds it now, else null: for {@code watch}'s save of a
     * build's cache after the build, which another build (of this process too, waiting for that
     * save) may be holding the lock for. A save passed over is an older build's, superseded by
     * that build's own.
     */
    static BuildLock tryTake(Path cache) throws IOException {
        return lock(cache, null);
    }

    /**
     * Whether a thread of this JVM holds the lock of {@code cache} (and so this process holds the
     * operating system's): no other process is building then.
     */
    static boolean heldHere(Path cache) {
        ReentrantLock here = HERE.get(file(cache));
        return here != null && here.isLocked();
    }

    /** With {@code whenWaiting} null, null instead of a wait. */
    private static BuildLock lock(Path cache, Runnable whenWaiting) throws IOException {
        Path file = file(cache);
        ReentrantLock here = HERE.computeIfAbsent(file, f -> new ReentrantLock());
        boolean told = false;
        if (!here.tryLock()) {
            if (whenWaiting == null) return null;
            whenWaiting.run();
            told = true;
            here.lock();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                if (whenWaiting == null) {
                    channel.close();
                    here.unlock();
                    return null;
                }
                if (!told) whenWaiting.run();
                channel.lock();
            }
            return new BuildLock(here, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) channel.close();
            here.unlock();
            throw e;
        }
    }

    private static Path file(Path cache) {
        return cache.toAbsolutePath().normalize().resolve("lock");
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
