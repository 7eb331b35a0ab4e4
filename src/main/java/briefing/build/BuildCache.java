package briefing.build;

import briefing.model.Article;
import briefing.model.Cleaned;
import briefing.model.Parallel;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.model.TopicScore;
import briefing.output.SiteWriter;
import briefing.render.PageSink;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the incremental build remembers between builds, in a folder outside the site
 * ({@code .briefing-cache/} beside it unless told otherwise). Two parts:
 * <ul>
 *   <li>articles: each seed's cleaned and enriched article (before site-wide linking) with its
 *   problems, filed under a hash of everything it is made from: the seed's path and bytes, the
 *   settings (configuration, taxonomy, language data, generator build) and the site furniture.
 *   The same hash proves the article would come out the same, so it is not cleaned again.
 *   Entries are appended to one pack file ({@link Pack}) that the index locates them in: a file
 *   per entry was a third of the files a cold build made, and on a file system that has just
 *   deleted many files, making each new one is what a build waits for most;</li>
 *   <li>pages: for each page the renderer offers to keep (article, parallel, edition and topic
 *   list pages, feeds, the sitemap, the search index's text files, and in {@code watch} all its
 *   files), the hash of its inputs, templates and settings, and the size and time of the file
 *   written. When the hash and the file are unchanged, the previous file is kept instead of
 *   rendered again.</li>
 * </ul>
 * Other site-wide files (the entry page, 404 page, topics overview, search pages, robots.txt,
 * assets) are rendered every build; the writer
 * still leaves their files alone when their bytes are unchanged. A {@link Builder}
 * keeps one cache in memory across its builds (as {@code watch} does) and reads it from disk
 * on its first build. Thread-safe.
 */
public final class BuildCache {
    private static final String FORMAT = "briefing-cache 3";
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // the cache's files come out the same for the same build, whatever map a field is held in
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One seed's article ({@code null} for a draft) and every problem loading, cleaning and enriching it found. */
    record Entry(Article article, List<Problem> problems) {
        /** The same with the article's body compressed, as a build holds it from here on. */
        Entry packed() {
            return article == null ? this : new Entry(article.packed(), problems);
        }

        /**
         * As the pack holds it: the length of its JSON, its packed body's two lengths (-1 for none),
         * the JSON without the body, then the body's bytes as they are.
         */
        byte[] bytes() throws IOException {
            Cleaned.Packed body = article == null ? null : article.cleaned().packed().packedBody();
            byte[] json = JSON.writeValueAsBytes(body == null ? this
                    : new Entry(article.withCleaned(article.cleaned().withPackedBody(null)), problems));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(HEADER + json.length + (body == null ? 0 : body.deflated().length));
            b.putInt(json.length).putInt(body == null ? -1 : body.length()).putInt(body == null ? 0 : body.size()).put(json);
            if (body != null) b.put(body.deflated());
            return b.array();
        }

        /** An entry from {@link #bytes()}, its body packed; null when it is damaged. */
        static Entry of(byte[] bytes) throws IOException {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            int json = b.getInt(), length = b.getInt(), size = b.getInt();
            Entry e = JSON.readValue(bytes, HEADER, json, Entry.class);
            if (e.article() == null) return e;
            if (length < 0) return null; // an article is always stored with its body
            Cleaned.Packed body = new Cleaned.Packed(Arrays.copyOfRange(bytes, HEADER + json, bytes.length), length, size);
            return new Entry(e.article().withCleaned(e.article().cleaned().withPackedBody(body)), e.problems());
        }

        private static final int HEADER = 12;
    }

    /** What was done again in a build and why. */
    public record Reason(String what, String why) {}

    private record Loaded(RawDocument doc, List<Problem> problems) {}

    /**
     * @param pack  the pack file holding the articles, in the cache folder
     * @param slots where each article entry is in it, by key
     * @param derived where what the renderer derived from each article's body is in it, by the
     *                article's key ({@link PageSink#remember})
     */
    private record Index(String settings, String furniture, Map<String, String> sources, String pack,
                         Map<String, Slot> slots, Map<String, Slot> derived) {}

    /** An entry's bytes in the pack file. */
    private record Slot(long at, int length) {}

    /**
     * An append-only file of article entries ({@link Entry#bytes()}) and search entries, one after
     * another, each after its checksum. A build appends what it makes and reads what it reuses, at
     * the offsets the index gave; entries it no longer uses stay until the pack holds more of them
     * than of live ones, and the build that finds so copies the live ones into a new pack. A build
     * killed midway leaves entries no index points at, never a damaged one the index points at.
     */
    private static final class Pack implements AutoCloseable {
        final String name;
        private final java.nio.channels.FileChannel channel;
        private long end;

        Pack(Path dir, String name) throws IOException {
            this.name = name;
            Files.createDirectories(dir);
            this.channel = java.nio.channels.FileChannel.open(dir.resolve(name), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
            this.end = channel.size();
        }

        static String fresh() {
            return "articles-" + Long.toUnsignedString(System.currentTimeMillis(), 36) + "-"
                    + Long.toUnsignedString(System.nanoTime() & 0xFFFFFF, 36) + ".pack";
        }

        /**
         * Appends {@code bytes} after a CRC-32C of them: damaged bytes would show only when they
         * are used (a body at rendering, a search entry's text in the index), and fail every build
         * from then on or be published, instead of being made again.
         */
        Slot append(byte[] bytes) throws IOException {
            long at;
            synchronized (this) {
                at = end;
                end += 4 + bytes.length;
            }
            // the checksum and the bytes written apart, each where it goes, so neither is copied
            write(java.nio.ByteBuffer.allocate(4).putInt(0, crc(bytes)), at);
            write(java.nio.ByteBuffer.wrap(bytes), at + 4);
            return new Slot(at, 4 + bytes.length);
        }

        /** The bytes appended at {@code s}, or null when the pack does not hold them (shorter than the index says, or damaged). */
        byte[] read(Slot s) throws IOException {
            if (s.at() < 0 || s.length() < 4 || s.at() + s.length() > channel.size()) return null;
            java.nio.ByteBuffer sum = java.nio.ByteBuffer.allocate(4), bytes = java.nio.ByteBuffer.allocate(s.length() - 4);
            if (!read(sum, s.at()) || !read(bytes, s.at() + 4)) return null;
            return sum.getInt(0) == crc(bytes.array()) ? bytes.array() : null;
        }

        private void write(java.nio.ByteBuffer b, long at) throws IOException {
            for (long p = at; b.hasRemaining(); ) p += channel.write(b, p);
        }

        /** Fills {@code b} from {@code at}; false when the pack ends first. */
        private boolean read(java.nio.ByteBuffer b, long at) throws IOException {
            for (long p = at; b.hasRemaining(); ) {
                int n = channel.read(b, p);
                if (n < 0) return false;
                p += n;
            }
            return true;
        }

        private static int crc(byte[] bytes) {
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(bytes);
            return (int) c.getValue();
        }

        synchronized long size() {
            return end;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private record Stamp(String digest, long size, long modified) {}

    /** A file's size, modification time and identity: any write changes one of them. */
    private record Stat(long size, java.nio.file.attribute.FileTime modified, Object key) {
        static Stat of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stat(a.size(), a.lastModifiedTime(), a.fileKey());
            } catch (IOException e) {
                return null;
            }
        }
    }

    private record Seen(Stat stat, String hash) {}

    private record Pages(String out, String settings, Map<String, Stamp> pages) {}

    private final Path dir;
    private boolean loaded;
    private Index index;
    private Pages pages;
    private Map<String, Entry> entries = new ConcurrentHashMap<>();
    private Map<String, Loaded> documents = new ConcurrentHashMap<>();
    /** For a resident cache: each seed's file stamp and hash when this process last read it. */
    private Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** The pack the last build read and appended to, kept open for the next build of this process. */
    private Pack pack;

    /**
     * For a resident cache: the last build's page digests by what they were made from, and its
     * articles' by what linking set. Hashing every page's inputs again (Jackson and SHA-256 for
     * 10,000 articles and twice as many pages) was a fifth of a rebuild after one edit.
     */
    private Map<String, Made> pageDigests = new ConcurrentHashMap<>();
    private Map<Linked, String> articleDigests = new ConcurrentHashMap<>();
    /**
     * The last build's articles themselves, with their cache key and digest: the enricher hands an
     * unchanged article over as the same object, which is then known without hashing its lists.
     */
    private Map<Article, String[]> articleObjects = new IdentityHashMap<>();
    /** Likewise for strings and numbers (by value) and alignments (by identity: the enricher keeps unchanged ones). */
    private Map<Object, String> valueDigests = new ConcurrentHashMap<>();
    private Map<Parallel, String> parallelDigests = new IdentityHashMap<>();

    /**
     * A page's digest and what it was hashed from: the settings and its inputs' digests. Those are
     * mostly the very strings remembered from the build before, so comparing them costs a few
     * reference checks, where joining them into one text to compare cost a kilobyte per page.
     * {@code objects} are the inputs themselves: a page offered again with the very same articles
     * (the enricher hands unchanged ones over as the same objects) needs no digest looked up at all.
     */
    private record Made(String settings, String[] inputs, String digest, Object[] objects) {
        boolean sameInputs(List<?> now) {
            if (objects.length != now.size()) return false;
            for (int i = 0; i < objects.length; i++) {
                Object a = objects[i], b = now.get(i);
                // articles and alignments by identity; strings and numbers by value
                if (a != b && !((a instanceof String || a instanceof Number) && a.equals(b))) return false;
            }
            return true;
        }
    }

    /** What an article's page digest covers besides its cache key: what site-wide linking set. */
    private record Linked(String key, String slug, List<?> topics, List<String> translations, List<String> sameEvent,
                          List<String> related) {}

    /** Whether seeds read stay in memory for the next build of this process, as {@code watch} wants. */
    private final boolean resident;
    /**
     * A resident cache saves what a build learnt once builds pause for {@value #SAVE_AFTER_MILLIS} ms,
     * and when the process exits: its own memory is what the next build reads, and the files are for
     * another process. Saved after every build, they were a tenth of the CPU of rebuilds in
     * {@code watch} (JFR), on a machine whose other core the next build wanted. Packs are deleted
     * only by a save, once the index on disk names the pack that replaced them, so the files on
     * disk always name entries that exist.
     */
    private final java.util.concurrent.ScheduledExecutorService saver;
    private static final long SAVE_AFTER_MILLIS = 1500;
    /** Set on the saver's thread by {@code remember}: read only after {@link #awaitRemembering}, which orders the two. */
    private Future<?> saving;
    /** The last build's {@code remember}, on the saver's thread; null when none is pending. */
    private Future<?> remembering;
    /** What the last build learnt that is not on disk yet: its save; null when there is none. */
    private final java.util.concurrent.atomic.AtomicReference<Save> unsaved = new java.util.concurrent.atomic.AtomicReference<>();

    @FunctionalInterface
    private interface Save {
        void write() throws IOException;
    }

    BuildCache(Path dir, boolean resident) {
        this.dir = dir.toAbsolutePath().normalize();
        this.resident = resident;
        this.saver = resident ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "save cache");
            t.setDaemon(true);
            return t;
        }) : null;
        if (resident) {
            java.util.concurrent.atomic.AtomicReference<Save> pending = unsaved;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Save last = pending.get();
                if (last == null) return;
                try (BuildLock lock = BuildLock.tryTake(this.dir)) {
                    // held by this process's own build (which cancelled the save it supersedes) or by
                    // the saver stopped mid-write: no other process builds meanwhile, so it is written
                    if (lock != null || BuildLock.heldHere(this.dir)) last.write();
                } catch (IOException e) {
                    // the files left are an older build's: another process only redoes more
                }
            }, "save cache at exit"));
        }
    }

    Path dir() {
        return dir;
    }

    /** Starts one build. {@code settings} covers what every article depends on; {@code templates} what every page does. */
    Run start(String settings, String templates, boolean clean, List<Problem> problems) throws IOException {
        awaitRemembering(problems);
        Future<?> f = saving;
        // a save not begun yet waits for this build's, which supersedes it (or for the exit, if this one fails)
        if (f != null && f.cancel(false)) saving = null;
        else awaitSave(problems);
        if (!loaded) {
            // a clean build finds nothing by them (see below for what they weigh)
            if (!clean) {
                index = read(dir.resolve("index.json"), Index.class);
                pages = read(dir.resolve("pages.json"), Pages.class);
            }
            loaded = true;
        }
        String renderSettings = sha(settings, templates);
        // kept only to say why everything is redone: nothing would be found by them, and at 100,000
        // articles they are 70 MB of JSON, which held through a build left -Xmx1g too little room
        if (index != null && !index.settings().equals(settings)) {
            index = new Index(index.settings(), index.furniture(), Map.of(), null, Map.of(), Map.of());
        }
        if (pages != null && !pages.settings().equals(renderSettings)) pages = new Pages(pages.out(), pages.settings(), Map.of());
        return new Run(settings, renderSettings, clean);
    }

    private void saveFiles(Index index, Pages pages) throws IOException {
        write(dir.resolve("index.json"), index);
        write(dir.resolve("pages.json"), pages);
        // packs the index no longer names, and the folder of one file per entry that caches before packs had
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".pack") && n.startsWith("articles-") && !n.equals(index.pack())) Files.deleteIfExists(p);
            }
        }
        if (Files.isDirectory(dir.resolve("articles"))) SiteWriter.deleteTree(dir.resolve("articles"));
    }

    /**
     * Waits for what the last build learnt to become the memory. When that failed, the memory is
     * dropped: the next build makes every article and page again, as a first build would.
     */
    private void awaitRemembering(List<Problem> problems) {
        Future<?> f = remembering;
        remembering = null;
        if (f == null) return;
        boolean interrupted = false;
        // waited for whatever happens: a run must not start while the memory is still being replaced
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                forget();
                Throwable c = e.getCause();
                problems.add(Problem.warning(dir.toString(), 0, "the cache could not take in the last build ("
                        + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()) + ")",
                        "nothing to do: this build makes everything again"));
                break;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Drops everything learnt: the next run finds no article or page to reuse. */
    private void forget() {
        index = null;
        pages = null;
        entries = new ConcurrentHashMap<>();
        documents = new ConcurrentHashMap<>();
        seen = new ConcurrentHashMap<>();
        pageDigests = new ConcurrentHashMap<>();
        articleDigests = new ConcurrentHashMap<>();
        articleObjects = new IdentityHashMap<>();
        valueDigests = new ConcurrentHashMap<>();
        parallelDigests = new IdentityHashMap<>();
    }

    /**
     * Waits for the last build's save. One that failed is reported as a warning: this process builds
     * from its memory, and the files it left are an older build's, which only makes another
     * process redo more.
     */
    private void awaitSave(List<Problem> problems) {
        Future<?> f = saving;
        saving = null;
        if (f == null) return;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            problems.add(Problem.warning(dir.toString(), 0, "the cache of the last build was not saved ("
                    + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()) + ")",
                    "check that the folder is writable and the disk has room; the next build in a new process redoes more"));
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            return null; // a cache damaged or from another version is no cache: everything is rebuilt
        }
    }

    private static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * One digest per thread: {@code sha} runs for every seed of every build, and looking a digest up
     * by name was the largest allocation site of a rebuild in watch (JFR). {@code digest()} resets it.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(BuildCache::sha256);

    /** SHA-256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
    static String sha(String... parts) {
        MessageDigest md = SHA256.get();
        for (String p : parts) {
            byte[] b = (p == null ? "\0null" : p).getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * A seed's bytes as part of its cache key: CRC-32C and CRC-32 (two polynomials) and the length.
     * Both CRCs run as CPU instructions where SHA-256 of every seed, with the JIT settings a build
     * runs with (C1 only), was a twentieth of a cold build; an edit that keeps the length and
     * both checksums is a chance of one in 2^64 for edits not made to collide (CRCs are linear, so a
     * crafted one could), and the key also holds the seed's path.
     */
    static String checksum(byte[] bytes) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(bytes);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(bytes);
        return HexFormat.of().toHexDigits((int) c.getValue()) + HexFormat.of().toHexDigits((int) d.getValue()) + ":" + bytes.length;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hash of every file under {@code root} (names and bytes); "" when it does not exist. */
    static String tree(Path root) throws IOException {
        if (root == null || !Files.isDirectory(root)) return "";
        MessageDigest md = sha256();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(sha256().digest(Files.readAllBytes(p)));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The generator's own build: a cache written by other code is not trusted. */
    static String code() throws IOException {
        try {
            Path p = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
            StringBuilder sb = new StringBuilder();
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    sb.append(f).append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                }
            }
            return sha(sb.toString());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime(); // cannot tell which code this is: never reuse
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One build's use of the cache. */
    final class Run {
        private final String settings;
        private final String renderSettings;
        private final boolean clean;
        private final Map<String, Loaded> docsNow = new ConcurrentHashMap<>();
        private final Map<String, Seen> seenNow = new ConcurrentHashMap<>();
        private final Map<String, String> sourcesNow = new ConcurrentHashMap<>();
        private final Map<String, String> keysNow = new ConcurrentHashMap<>();
        private final Map<String, Entry> entriesNow = new ConcurrentHashMap<>();
        private final Map<String, Slot> slotsNow = new ConcurrentHashMap<>();
        private final Map<String, Slot> derivedNow = new ConcurrentHashMap<>();
        /** Where this build's entries are read from and appended to. */
        private final Pack packNow;
        private final Map<String, Reason> cleaned = new ConcurrentHashMap<>();
        private final Map<String, String> digestsNow = new ConcurrentHashMap<>();
        private final Map<String, Reason> rendered = new ConcurrentHashMap<>();
        private final Set<String> kept = ConcurrentHashMap.newKeySet();
        private final Map<Object, String> inputDigests = Collections.synchronizedMap(new IdentityHashMap<>());
        private final Map<String, Made> pageDigestsNow = new ConcurrentHashMap<>();
        private final Map<Linked, String> articleDigestsNow = new ConcurrentHashMap<>();
        private final Map<Article, String[]> articleObjectsNow = new IdentityHashMap<>();
        private final Map<Object, String> valueDigestsNow = new ConcurrentHashMap<>();
        private final Map<Parallel, String> parallelDigestsNow = new IdentityHashMap<>();
        private final AtomicInteger reused = new AtomicInteger();
        private String furniture = "";
        /** The previous build's page stamps this build may keep pages by. */
        private Map<String, Stamp> before = Map.of();

        private Run(String settings, String renderSettings, boolean clean) throws IOException {
            this.settings = settings;
            this.renderSettings = renderSettings;
            this.clean = clean;
            // a clean build, or one without an index to find entries by, starts a pack of its own
            String name = clean || index == null || index.pack() == null ? Pack.fresh() : index.pack();
            if (pack == null || !pack.name.equals(name)) {
                if (pack != null) pack.close();
                pack = new Pack(dir, name);
            }
            this.packNow = pack;
        }

        /** Where the last build filed {@code key}, when this build reads and appends to the same pack; else null. */
        private Slot previousSlot(String key) {
            return previous(index == null ? null : index.slots(), key);
        }

        /** Where the last build filed what was derived from the body of the article under {@code key}, as {@link #previousSlot}. */
        private Slot previousDerived(String key) {
            return previous(index == null ? null : index.derived(), key);
        }

        /** {@code key}'s slot in one of the last build's maps, when this build reads the same pack. */
        private Slot previous(Map<String, Slot> slots, String key) {
            return slots == null || !packNow.name.equals(index.pack()) ? null : slots.get(key);
        }

        /** The entry the last build filed under {@code key} in this build's pack, or null. */
        private Entry stored(String key) {
            Slot slot = previousSlot(key);
            if (slot == null) return null;
            try {
                byte[] bytes = packNow.read(slot);
                if (bytes == null) return null;
                Entry e = Entry.of(bytes);
                if (e == null) return null; // damaged: made again
                slotsNow.put(key, slot);
                return e;
            } catch (IOException | RuntimeException x) {
                return null; // damaged: made again
            }
        }

        /**
         * A seed as {@code load} reads it, unless this cache's builds already read the same path
         * with the same bytes. Problems found loading it go to {@code problems}.
         */
        RawDocument load(Path file, String id, long maxBytes, Function<List<Problem>, RawDocument> load, List<Problem> problems) {
            String hash = hash(file, id, maxBytes);
            Loaded l = hash == null || clean ? null : documents.get(hash);
            if (l == null) {
                List<Problem> own = new ArrayList<>();
                l = new Loaded(load.apply(own), List.copyOf(own));
            }
            problems.addAll(l.problems());
            if (hash != null) {
                if (resident) docsNow.put(hash, l);
                sourcesNow.put(id, hash);
            }
            return l.doc();
        }

        /** What a seed is filed under: its path and bytes; null when it cannot be read or is too large (the loader says why). */
        private String hash(Path file, String id, long maxBytes) {
            String hash = null;
            Stat stat = resident ? Stat.of(file) : null;
            Seen before = stat == null || clean ? null : seen.get(id);
            if (before != null && before.stat().equals(stat)) {
                hash = before.hash(); // the same file, untouched since this process read it
            } else {
                try {
                    if (Files.size(file) <= maxBytes) hash = sha(id, checksum(Files.readAllBytes(file)));
                } catch (IOException e) {
                    // the loader reports it
                }
            }
            if (hash != null && stat != null) seenNow.put(id, new Seen(stat, hash));
            return hash;
        }

        /**
         * A seed's entry, taken from the cache without reading the seed as a document when its bytes
         * are unchanged, else loaded by {@code load} and made by {@code make}; the problems loading
         * it are filed with the entry. For seeds that nothing but their own article needs (not text
         * seeds, whose lines are compared with each other's): reading every seed's front matter again
         * was a tenth of a rebuild in a new process (JFR).
         */
        Entry entry(Path file, String id, long maxBytes, Function<List<Problem>, RawDocument> load,
                    Function<RawDocument, Entry> make) {
            Supplier<Entry> loadAndMake = () -> {
                List<Problem> loading = new ArrayList<>();
                RawDocument d = load.apply(loading);
                if (d == null) return new Entry(null, List.copyOf(loading));
                Entry e = make.apply(d);
                if (loading.isEmpty()) return e;
                loading.addAll(e.problems());
                return new Entry(e.article(), List.copyOf(loading));
            };
            String hash = hash(file, id, maxBytes);
            if (hash == null) return loadAndMake.get();
            sourcesNow.put(id, hash);
            return article(id, loadAndMake);
        }

        /** Records the lines shared by many seeds: cleaning every seed depends on them. */
        void furniture(Set<String> lines) {
            furniture = sha(lines.stream().sorted().collect(Collectors.joining("\n")));
        }

        /** The article made from the seed {@code id}: from the cache when its inputs are unchanged, else from {@code make}. */
        Entry article(String id, Supplier<Entry> make) {
            String source = sourcesNow.get(id);
            String key = source == null ? null : sha(FORMAT, settings, furniture, source);
            Entry e = key == null || clean ? null : entries.get(key);
            if (e != null) {
                Slot slot = previousSlot(key);
                // held in memory (watch): its bytes are still in the pack, where the index says
                if (slot != null) slotsNow.put(key, slot);
                else save(key, e);
            } else if (key != null && !clean) {
                e = stored(key);
            }
            if (e != null) {
                reused.incrementAndGet();
            } else {
                e = make.get();
                cleaned.put(id, new Reason(id, why(id, source)));
                e = e.packed();
                // saved at once, so the build need not hold it: an entry is right whatever the build's fate,
                // and the next build that finishes deletes those its site does not use
                if (key != null) save(key, e);
            }
            if (key != null) {
                keysNow.put(id, key);
                if (resident) entriesNow.put(key, e);
            }
            return e;
        }

        private void save(String key, Entry e) {
            try {
                slotsNow.put(key, packNow.append(e.bytes()));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        private String why(String id, String source) {
            if (clean) return "clean build (--clean)";
            if (index == null) return "no cache yet";
            if (!index.settings().equals(settings)) return "configuration, taxonomy, language data or generator changed";
            String before = index.sources().get(id);
            if (before == null) return "new seed";
            if (!before.equals(source)) return "seed changed";
            if (!index.furniture().equals(furniture)) return "site furniture (lines shared by text seeds) changed";
            return "not in the cache";
        }

        /** The sink the renderer writes through: keeps pages whose inputs are unchanged, else writes to {@code writer}. */
        PageSink sink(SiteWriter writer) {
            before = pages == null || clean || !writer.out().toString().equals(pages.out()) ? Map.of() : pages.pages();
            Map<String, Stamp> before = this.before;
            return new PageSink() {
                @Override
                public void write(String path, byte[] content) throws IOException {
                    if (!digestsNow.containsKey(path)) {
                        rendered.put(path, new Reason(path, "site-wide: rendered every build"));
                    }
                    writer.write(path, content);
                }

                @Override
                public boolean keep(String path, List<?> inputs) throws IOException {
                    String digest = digest(path, inputs);
                    digestsNow.put(path, digest);
                    Stamp s = before.get(path);
                    if (s != null && s.digest().equals(digest) && writer.keep(path, s.size(), s.modified())) {
                        kept.add(path);
                        return true;
                    }
                    String why = clean ? "clean build (--clean)"
                            : pages == null ? "no cache yet"
                            : !pages.settings().equals(renderSettings) ? "templates, messages or settings changed"
                            : s == null ? "new page"
                            : !s.digest().equals(digest) ? "an article it shows changed"
                            : "the previous file was changed or removed since the last build";
                    rendered.put(path, new Reason(path, why));
                    return false;
                }

                @Override
                public byte[] recall(Article a) {
                    String key = keysNow.get(a.id());
                    Slot slot = key == null || clean ? null : previousDerived(key);
                    if (slot == null) return null;
                    try {
                        byte[] bytes = packNow.read(slot);
                        if (bytes != null) derivedNow.put(key, slot);
                        return bytes;
                    } catch (IOException e) {
                        return null; // damaged: derived from the article again
                    }
                }

                @Override
                public void remember(Article a, byte[] derived) {
                    String key = keysNow.get(a.id());
                    if (key == null) return;
                    try {
                        derivedNow.put(key, packNow.append(derived));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        private String digest(String path, List<?> inputs) {
            Made known = resident ? pageDigests.get(path) : null;
            if (known != null && known.settings().equals(renderSettings) && known.sameInputs(inputs)) {
                pageDigestsNow.put(path, known);
                carryOver(known, inputs);
                return known.digest();
            }
            String[] digests = new String[inputs.size()];
            for (int i = 0; i < digests.length; i++) digests[i] = inputDigests.computeIfAbsent(inputs.get(i), this::digestOf);
            // equal digests from other objects: the page remembers these objects, for the identity check next time
            Made made = known != null && known.settings().equals(renderSettings) && Arrays.equals(known.inputs(), digests)
                    ? new Made(known.settings(), known.inputs(), known.digest(), inputs.toArray())
                    : new Made(renderSettings, digests, sha(renderSettings + "\n" + String.join("\n", digests)),
                    inputs.toArray());
            if (resident) pageDigestsNow.put(path, made);
            return made.digest();
        }

        /**
         * Keeps the digests of a page known by identity's strings and numbers for the next build, as
         * looking them up would have. Its articles and alignments are carried over once each, when
         * the build finishes: carried here, per page, they were 15 % of the samples of rebuilds in watch (JFR).
         */
        private void carryOver(Made known, List<?> inputs) {
            for (int i = 0; i < inputs.size(); i++) {
                Object o = inputs.get(i);
                if (o instanceof String || o instanceof Number) valueDigestsNow.putIfAbsent(o, known.inputs()[i]);
            }
        }

        /**
         * The digests of this build's articles and alignments not looked up by a page, taken from the
         * last build's when they are the same objects: else they fall out of memory, and a later edit
         * that moves these articles onto other pages would hash each of them again.
         */
        private void carryOver(List<Article> articles, List<Parallel> parallels) {
            for (Article a : articles) {
                String[] same = articleObjects.get(a);
                if (same != null && !articleObjectsNow.containsKey(a) && same[0].equals(keysNow.get(a.id()))) {
                    articleObjectsNow.put(a, same);
                }
            }
            for (Parallel p : parallels) {
                String digest = parallelDigests.get(p);
                if (digest != null) parallelDigestsNow.putIfAbsent(p, digest);
            }
        }

        /**
         * An article's hash: its cache key (which fixes everything per-article) plus what site-wide
         * linking set. Other inputs are hashed whole.
         */
        private String digestOf(Object o) {
            if (o instanceof Article a && keysNow.containsKey(a.id())) {
                String key = keysNow.get(a.id());
                if (!resident) return articleDigest(key, a);
                // pages are offered to keep on one thread at a time (PageSink), so the identity maps need no lock
                String[] same = articleObjects.get(a);
                if (same != null && same[0].equals(key)) {
                    articleObjectsNow.put(a, same);
                    return same[1];
                }
                Linked l = new Linked(key, a.slug(), a.topics(), a.translations(), a.sameEvent(), a.related());
                String known = articleDigests.get(l);
                String digest = known != null ? known : articleDigest(key, a);
                articleDigestsNow.put(l, digest);
                articleObjectsNow.put(a, new String[] {key, digest});
                return digest;
            }
            if (resident && (o instanceof String || o instanceof Number)) {
                String digest = valueDigests.get(o);
                if (digest == null) digest = wholeDigest(o);
                valueDigestsNow.put(o, digest);
                return digest;
            }
            if (resident && o instanceof Parallel p) {
                String digest = parallelDigests.get(p);
                if (digest == null) digest = wholeDigest(p);
                parallelDigestsNow.put(p, digest);
                return digest;
            }
            if (o instanceof Article || o instanceof Parallel || o instanceof String || o instanceof Number) return wholeDigest(o);
            throw new IllegalArgumentException("no stable hash for page input " + o.getClass().getName());
        }

        private static String wholeDigest(Object o) {
            return sha(o.getClass().getName(), json(o));
        }

        /** Written out, not through JSON: a build in a new process hashes every article so, and JSON was most of it. */
        private static String articleDigest(String key, Article a) {
            List<String> parts = new ArrayList<>();
            parts.add(key);
            parts.add(a.slug());
            for (List<?> list : List.of(a.topics(), a.translations(), a.sameEvent(), a.related())) {
                parts.add(String.valueOf(list.size())); // each part is length-prefixed by sha: the lists cannot run into each other
                for (Object o : list) {
                    if (o instanceof TopicScore t) {
                        parts.add(t.key());
                        parts.add(Double.toString(t.score()));
                    } else {
                        parts.add((String) o);
                    }
                }
            }
            return sha(parts.toArray(String[]::new));
        }

        /**
         * Saves what this build learnt, once the site is committed; drops what it no longer uses.
         * {@code articles} and {@code parallels} are those the site was rendered from.
         */
        Changes finish(SiteWriter writer, List<Article> articles, List<Parallel> parallels) throws IOException {
            List<Reason> arts = new ArrayList<>(cleaned.values());
            arts.sort(java.util.Comparator.comparing(Reason::what));
            List<Reason> pgs = new ArrayList<>(rendered.values());
            pgs.sort(java.util.Comparator.comparing(Reason::what));
            Changes changes = new Changes(arts, reused.get(), pgs, kept.size(),
                    List.copyOf(writer.changed()), List.copyOf(writer.deleted()));
            Path out = writer.out();
            // the stamps of the pages rendered are read now, before the build reports: read later, a
            // page the user overwrote in the meantime would pass for this build's and be kept by the next
            Map<String, Stamp> made = new HashMap<>();
            for (String path : rendered.keySet()) {
                String digest = digestsNow.get(path);
                Path f = out.resolve(path);
                if (digest == null || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                made.put(path, new Stamp(digest, a.size(), a.lastModifiedTime().toMillis()));
            }
            if (saver == null) {
                remember(out, made, articles, parallels);
                saveFiles(index, pages);
            } else {
                // on the saver's thread: the site is committed and the build reported by then; the next
                // build waits for it before it starts a run ({@link #start}). At 10,000 articles this
                // bookkeeping was 40-80 ms of a 0.4-0.6 s rebuild in watch.
                remembering = saver.submit(() -> {
                    remember(out, made, articles, parallels);
                    Index index = BuildCache.this.index;
                    Pages pages = BuildCache.this.pages;
                    unsaved.set(() -> saveFiles(index, pages));
                    saving = saver.schedule(() -> {
                        // let go only once written: an exit meanwhile writes it too (the files are replaced whole)
                        Save last = unsaved.get();
                        if (last == null) return null;
                        try (BuildLock lock = BuildLock.tryTake(dir)) {
                            if (lock != null) {
                                last.write();
                                unsaved.compareAndSet(last, null);
                            }
                        }
                        return null;
                    }, SAVE_AFTER_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                    return null;
                });
            }
            return changes;
        }

        /**
         * Makes what this build learnt the memory of the cache, and its index and page stamps ({@code made}:
         * those of the pages rendered); drops what it no longer uses.
         */
        private void remember(Path out, Map<String, Stamp> made, List<Article> articles, List<Parallel> parallels) throws IOException {
            if (resident) carryOver(articles, parallels);
            pageDigests = pageDigestsNow;
            articleDigests = articleDigestsNow;
            articleObjects = articleObjectsNow;
            valueDigests = valueDigestsNow;
            parallelDigests = parallelDigestsNow;
            // this build's maps become the memory as they are: the run is over
            documents = docsNow;
            seen = seenNow;
            entries = entriesNow;
            // sorted maps: hash maps here made the link stage of the next build in watch twice as slow
            // (measured at 10,000 articles; why was not found)
            Map<String, Slot> slots = new TreeMap<>(), derived = new TreeMap<>();
            for (String k : keysNow.values()) {
                Slot slot = slotsNow.get(k);
                if (slot != null) slots.put(k, slot);
                // what this build did not ask for (watch keeps its own) is still the article's
                Slot d = derivedNow.containsKey(k) ? derivedNow.get(k) : previousDerived(k);
                if (d != null) derived.put(k, d);
            }
            long live = 0;
            for (Slot slot : slots.values()) live += slot.length();
            for (Slot slot : derived.values()) live += slot.length();
            String packName = packNow.name;
            if (packNow.size() > 2 * live + (1 << 20)) {
                // more dead entries than live ones: the live ones move to a new pack
                Pack moved = new Pack(dir, Pack.fresh());
                for (Map<String, Slot> m : List.of(slots, derived)) {
                    for (java.util.Iterator<Map.Entry<String, Slot>> it = m.entrySet().iterator(); it.hasNext(); ) {
                        Map.Entry<String, Slot> en = it.next();
                        byte[] bytes = packNow.read(en.getValue());
                        if (bytes != null) en.setValue(moved.append(bytes));
                        else it.remove(); // not in the old pack as the index said: not in the new one either
                    }
                }
                packNow.close();
                pack = moved;
                packName = moved.name;
            }
            index = new Index(settings, furniture, new TreeMap<>(sourcesNow), packName, slots, derived);
            // looked up once per page by the next build: a hash map, not a sorted one
            Map<String, Stamp> stamps = new HashMap<>(2 * digestsNow.size());
            for (Map.Entry<String, String> d : digestsNow.entrySet()) {
                Stamp s = before.get(d.getKey());
                if (kept.contains(d.getKey()) && s != null) {
                    // kept: the writer checked its size and time, and the site has that very file
                    stamps.put(d.getKey(), s);
                    continue;
                }
                Stamp m = made.get(d.getKey());
                if (m != null) stamps.put(d.getKey(), m);
            }
            pages = new Pages(out.toString(), renderSettings, stamps);
        }
    }

    /**
     * What a build did again and why, and what it left alone.
     *
     * @param cleaned       seeds cleaned and enriched again, with the reason
     * @param reused        articles taken from the cache
     * @param rendered      pages rendered, with the reason
     * @param kept          pages kept from the previous build without rendering
     * @param filesChanged  files whose bytes changed (or are new)
     * @param filesDeleted  files of the previous build that are gone
     */
    public record Changes(List<Reason> cleaned, int reused, List<Reason> rendered, int kept, List<String> filesChanged,
                   List<String> filesDeleted) {
        Map<String, Object> json() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("articlesCleaned", cleaned.stream().map(r -> Map.of("file", r.what(), "why", r.why())).toList());
            m.put("articlesFromCache", reused);
            m.put("pagesRendered", rendered.stream().map(r -> Map.of("path", r.what(), "why", r.why())).toList());
            m.put("pagesKept", kept);
            m.put("filesChanged", filesChanged);
            m.put("filesDeleted", filesDeleted);
            return m;
        }
    }
}
