package briefing.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes one build's pages into a staging folder and swaps it in on {@link #commit()}.
 * A file whose bytes equal the previous build's is hard-linked from it instead of written,
 * so its modification time stays and rsync or a CDN upload moves only real changes.
 * <p>
 * Linking every file of a large site into a new folder, and deleting the replaced one, costs
 * seconds each build. So the replaced site's folder is kept beside the output as {@code .NAME.old},
 * and the next build brings it level with the current site by relinking only the files that
 * differ, and stages into it: a build touches about as many files as it changes. A process that
 * builds again and again ({@code watch}) passes a {@link Spare}, which remembers what differs; a
 * new process finds it out from the files' identities (inodes), which the survey of the site and a
 * look at the kept folder read. Files are never written into in place there (they share their
 * inode with the live site): a changed file is deleted and written anew.
 * {@link #write} and {@link #keep} may be called from several threads at once; the rest from one.
 */
public final class SiteWriter implements AutoCloseable {
    /** Lists every file the generator wrote, so later builds know what they own. */
    public static final String MANIFEST = ".briefing-manifest";

    private final Path out;
    private final Path staging;
    /** Looked up for every page kept and every file of the last site: hashed, sorted only for the manifest. */
    private final Set<String> written = new HashSet<>();
    /** Folders made in the staging folder so far: one mkdir per folder, not one per file. */
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> folders = new java.util.concurrent.ConcurrentHashMap<>();
    /** False on a first build: there is nothing to compare with, so no file is looked up. */
    private final boolean hasPrevious;
    private final Set<String> changed = new TreeSet<>();
    private final Set<String> deleted = new TreeSet<>();
    private int unchanged;
    private boolean committed;
    /** Where to leave the replaced site for the next build; null to delete it. */
    private final Spare spare;
    /**
     * Files the staging folder already holds as links to the current site's (a reused spare);
     * empty for a new staging folder.
     */
    private final Set<String> mirror;
    /** Files of the current site whose bytes were not linked from the previous site's: written or copied. */
    private final Set<String> fresh = new HashSet<>();
    /** The previous site as looked at on another thread since the build began (see {@link Survey}); null on a first build. */
    private final java.util.concurrent.CompletableFuture<OldSite> oldSite;

    private SiteWriter(Path out, Path staging, Spare spare, Set<String> mirror, Survey survey) {
        this.out = out;
        this.staging = staging;
        this.hasPrevious = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
        this.spare = spare;
        this.mirror = mirror;
        // a folder that appeared during the build is walked now
        this.oldSite = !hasPrevious ? null : survey.walk != null ? survey.walk : background("walk site", () -> OldSite.walk(out));
    }

    /**
     * A look at the previous site, begun on a thread of its own as soon as a build starts (in
     * {@code watch}, when the changes that start it arrive), so that other work hides it: the files it holds, their sizes and times, which the writer
     * then keeps pages by and moves hand-added files over by. In a session-3 profile of {@code watch},
     * the commit's walk was 3.5 % of a rebuild and a look at each kept page 5 %.
     */
    public static final class Survey {
        private final Path out;
        private final java.util.concurrent.CompletableFuture<OldSite> walk;
        /** The files in the folder the last build left as {@code .NAME.old}, when no {@link Spare} holds them; else null. */
        private final java.util.concurrent.CompletableFuture<Leftover> leftover;

        private Survey(Path out, java.util.concurrent.CompletableFuture<OldSite> walk,
                       java.util.concurrent.CompletableFuture<Leftover> leftover) {
            this.out = out;
            this.walk = walk;
            this.leftover = leftover;
        }
    }

    /**
     * Starts looking at the site in {@code out}, if there is one, for the writer {@link #open} makes
     * there; and at the folder the last build left beside it, unless {@code spare} (may be null) knows it.
     */
    public static Survey survey(Path out, Spare spare) {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getParent() == null || !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) return new Survey(abs, null, null);
        Path old = spareFolder(abs);
        boolean look = (spare == null || !abs.equals(spare.out)) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS);
        Record last = spare == null ? null : spare.record;
        // the site as this process committed it, unless another process's build has replaced it since
        java.util.concurrent.CompletableFuture<OldSite> walk = last != null && last.holds(abs)
                ? background("look at site", last::lookAgain)
                : background("walk site", () -> OldSite.walk(abs));
        return new Survey(abs, walk, look ? background("walk spare", () -> Leftover.walk(old)) : null);
    }

    private static <T> java.util.concurrent.CompletableFuture<T> background(String name, IoSupplier<T> work) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        });
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** A walk's result; its failure as the IOException it was. */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> walk) throws IOException {
        try {
            return walk.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    private OldSite walked() throws IOException {
        return joined(oldSite);
    }

    /** Where a build leaves the site it replaced, for the next build to stage into. */
    private static Path spareFolder(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".old");
    }

    /** The regular files of a folder the last build left, with their identities; what else it held is deleted. */
    private record Leftover(Map<String, Object> files) {
        static Leftover walk(Path dir) throws IOException {
            Map<String, Object> files = new HashMap<>();
            java.util.ArrayDeque<int[]> held = new java.util.ArrayDeque<>();
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    held.push(new int[1]);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
                    if (a.isRegularFile()) {
                        files.put(sitePath(dir, p), a.fileKey());
                        held.peek()[0]++;
                    } else {
                        Files.delete(p); // a link or device file: never in a site this writer made
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) throw e;
                    int n = held.pop()[0];
                    // an empty folder would come into the next site, which a clean build does not make
                    if (n == 0 && !d.equals(dir)) Files.delete(d);
                    else if (!held.isEmpty()) held.peek()[0] += n;
                    return FileVisitResult.CONTINUE;
                }
            });
            return new Leftover(files);
        }
    }

    /** {@code p} as a '/'-separated path inside the site {@code out}. */
    private static String sitePath(Path out, Path p) {
        String outside = out.toString(), path = p.toString();
        // every path here was found under out: its name is cut off, as relativize would, without the
        // garbage (a walk of 21,000 files made 42 MB with relativize, 26 MB without)
        if (path.length() > outside.length() && path.startsWith(outside)
                && path.charAt(outside.length()) == out.getFileSystem().getSeparator().charAt(0)) {
            return path.substring(outside.length() + 1).replace('\\', '/');
        }
        return out.relativize(p).toString().replace('\\', '/');
    }

    /** A file's size, modification time (milliseconds) and identity (null where the file system has none), as the walk saw them. */
    private record Stamp(long size, long modified, Object key) {
        static Stamp of(BasicFileAttributes a) {
            return new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
        }
    }

    /**
     * The previous site's files, those of them its manifest does not list, and the modification
     * time of each of its folders when they were listed: a file added to a folder later changes
     * that time, so the commit lists again only the folders whose time moved.
     */
    private record OldSite(Set<String> owned, Map<String, Stamp> files, Set<String> unowned,
                           Map<Path, java.nio.file.attribute.FileTime> folders) {
        static OldSite walk(Path out) throws IOException {
            Path manifest = out.resolve(MANIFEST);
            Set<String> owned = new HashSet<>();
            if (Files.exists(manifest)) owned.addAll(Files.readAllLines(manifest, StandardCharsets.UTF_8));
            owned.add(MANIFEST);
            OldSite site = new OldSite(owned, new HashMap<>(), new HashSet<>(), new HashMap<>());
            site.folders.put(out, Files.readAttributes(out, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime());
            List<Path> tops = new ArrayList<>();
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : s.toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isDirectory()) tops.add(p);
                    else if (a.isRegularFile()) site.add(out, p, a);
                }
            }
            // the top folders (one per edition) on two cores: walking the 21,000 files of a 10,000-article
            // site took 0.4 s on one thread and 0.22 s on two, and watch starts it while it waits for a batch to end
            List<OldSite> parts;
            try {
                parts = tops.parallelStream().map(d -> {
                    OldSite part = new OldSite(owned, new HashMap<>(), new HashSet<>(), new HashMap<>());
                    try {
                        part.list(out, d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return part;
                }).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (OldSite part : parts) {
                site.files.putAll(part.files);
                site.unowned.addAll(part.unowned);
                site.folders.putAll(part.folders);
            }
            return site;
        }

        private void add(Path out, Path p, BasicFileAttributes a) {
            String rel = sitePath(out, p);
            files.put(rel, Stamp.of(a));
            if (!owned.contains(rel)) unowned.add(rel);
        }

        /** Adds the files under {@code dir}; the walk's own look at each entry tells a file (a second look doubled its time). */
        private void list(Path out, Path dir) throws IOException {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    folders.put(d, a.lastModifiedTime());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isRegularFile()) add(out, p, a);
                    return FileVisitResult.CONTINUE;
                }
            });
        }

        /** Lists again, whole, each folder whose modification time moved since the walk: what was added there meanwhile. */
        void catchUp(Path out) throws IOException {
            // a look at every folder: on every core, as the render threads are done by now
            List<Path> moved = folders.entrySet().parallelStream().filter(f -> {
                try {
                    return !Files.readAttributes(f.getKey(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .lastModifiedTime().equals(f.getValue());
                } catch (IOException e) {
                    return false; // gone: what it held is gone too, and deleting a path that is not there is harmless
                }
            }).map(Map.Entry::getKey).toList();
            for (Path d : moved) {
                List<Path> entries;
                try (Stream<Path> s = Files.list(d)) {
                    entries = s.toList();
                } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
                    continue; // deleted (or made a file) by hand since its time was read
                }
                for (Path p : entries) {
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (java.nio.file.NoSuchFileException e) {
                        continue;
                    }
                    if (a.isDirectory() && !folders.containsKey(p)) list(out, p);
                    else if (a.isRegularFile()) {
                        String rel = sitePath(out, p);
                        if (files.put(rel, Stamp.of(a)) == null
                                && !owned.contains(rel)) unowned.add(rel);
                    }
                }
            }
        }
    }

    /** The folders that hold {@code files} (site paths), as site paths. */
    private static Set<String> folders(Set<String> files) {
        Set<String> names = new HashSet<>();
        for (String f : files) {
            // up from the file's folder until one already known
            int i = f.lastIndexOf('/');
            while (i > 0 && names.add(f.substring(0, i))) i = f.lastIndexOf('/', i - 1);
        }
        return names;
    }

    /**
     * The files a commit left in the site and the times of its folders. The next build in the same
     * process looks at each file again instead of walking the site: a walk lists every folder, about
     * 0.25 s for the 21,000 files of a 10,000-article site (a folder per article), where a look at
     * each path costs a fraction of that (BENCHMARKS.md). Files changed by hand since show in their
     * own times; files added or removed, in their folder's time.
     */
    private static final class Record {
        private final Path out;
        private final Object outKey;
        /** The manifest as committed: a site another process built since has another one, or a link to this very file listing the same files. */
        private final Stamp manifest;
        /** The committed writer's: no longer added to. */
        private final Set<String> written, foreign;
        /** Read on another thread after the commit, so that the build that committed need not wait. */
        private final java.util.concurrent.CompletableFuture<Map<Path, java.nio.file.attribute.FileTime>> folders;

        private Record(Path out, Set<String> written, Set<String> foreign) throws IOException {
            this.out = out;
            this.outKey = key(out);
            this.manifest = Stamp.of(Files.readAttributes(out.resolve(MANIFEST), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            this.written = written;
            this.foreign = Set.copyOf(foreign);
            // The rename that made the site changed its parent folder, on the file system's own clock,
            // after every change the build made below it: a folder whose time is not older than that
            // may also hold a change made after the commit, before its time was read, so it is
            // listed again by the next commit, as if its time had moved.
            java.nio.file.attribute.FileTime committed = Files.getLastModifiedTime(out.getParent());
            this.folders = background("record site", () -> {
                Set<String> names = folders(written);
                names.addAll(folders(this.foreign));
                // on this thread alone: the pool's threads are the next build's
                Map<Path, java.nio.file.attribute.FileTime> times = new HashMap<>(2 * names.size());
                for (String f : names) {
                    Path d = out.resolve(f);
                    try {
                        java.nio.file.attribute.FileTime t = Files.readAttributes(d, BasicFileAttributes.class,
                                LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
                        times.put(d, t.compareTo(committed) < 0 ? t : LISTED_AGAIN);
                    } catch (IOException e) {
                        times.put(d, LISTED_AGAIN); // gone already: what it held is looked for one by one
                    }
                }
                // nor is the output folder's own time older: the rename changed it
                times.put(out, LISTED_AGAIN);
                return times;
            });
        }

        /** A folder time that no folder has: {@link OldSite#catchUp} lists the folder again. */
        private static final java.nio.file.attribute.FileTime LISTED_AGAIN = java.nio.file.attribute.FileTime.fromMillis(Long.MIN_VALUE);

        /**
         * Whether {@code out} is still the folder this record's commit left. Builds of another process
         * swap two folders in and out, so the folder's identity alone comes back every other build;
         * its manifest's does not, unless that process found the same files to own and linked it.
         */
        boolean holds(Path out) {
            if (!this.out.equals(out) || outKey == null || !outKey.equals(key(out))) return false;
            try {
                return manifest.equals(Stamp.of(Files.readAttributes(out.resolve(MANIFEST), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * The site now, as a walk would find it once {@link OldSite#catchUp} has listed again the folders
         * whose time moved (the commit does): each file looked at again.
         */
        OldSite lookAgain() throws IOException {
            Set<String> owned = new HashSet<>(written);
            owned.add(MANIFEST);
            List<String> paths = new ArrayList<>(owned.size() + foreign.size());
            paths.addAll(owned);
            paths.addAll(foreign);
            // a copy: the commit's catchUp adds to it
            OldSite site = new OldSite(owned, new HashMap<>(2 * paths.size()), new HashSet<>(), new HashMap<>(joined(folders)));
            // on this thread alone, which the build waits for only at its first page kept: the pool's
            // threads meanwhile read the seeds and link the articles
            for (String p : paths) {
                try {
                    BasicFileAttributes a = Files.readAttributes(out.resolve(p), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isRegularFile()) continue;
                    site.files().put(p, Stamp.of(a));
                    if (!owned.contains(p)) site.unowned().add(p);
                } catch (IOException e) {
                    // gone: not in the site any more
                }
            }
            return site;
        }
    }

    /**
     * What one build leaves for the next in the same process (or, in a new process, what the files'
     * identities tell of it): the site it replaced, kept as {@code .NAME.old} beside the output, and
     * what differs between that folder and the site.
     */
    public static final class Spare {
        private Path out, dir;
        private Object dirKey;
        /** Files in {@code dir}, and in the site that replaced it. */
        private Set<String> dirFiles, siteFiles;
        /**
         * The folders {@code dir} was known to hold when it was the site (relative), or null when it was
         * walked as a leftover, which deletes the empty ones. A folder the user emptied there must not
         * come into a site whose record does not know it: a file put into it later would go unseen.
         */
        private Set<String> dirFolders;
        /** Files of the site that are not the same file (inode) as {@code dir}'s. */
        private Set<String> differ;
        /** What the last commit left in the output folder, for the next build to look at instead of walking it; null when unknown. */
        private Record record;

        private void forget() {
            out = dir = null;
        }
    }

    /**
     * Opens a writer for {@code out}, refusing folders it must not write to.
     *
     * @param protectedDirs folders that must never be the output or inside it (sources, templates)
     * @param force         accept an existing non-empty folder the generator did not create
     */
    public static SiteWriter open(Path out, List<Path> protectedDirs, boolean force) throws IOException, UnsafeOutputException {
        refuseUnsafe(out, protectedDirs, force); // nothing is looked at for a folder that is refused
        return open(out, protectedDirs, force, null, survey(out, null));
    }

    /**
     * As {@link #open(Path, List, boolean)}, with the {@code survey} of {@code out} begun for it. The
     * folder the last build left beside the site is reused as the staging folder: with a
     * {@code spare} when the last commit through it replaced that folder, else by the files'
     * identities; a spare is given what this writer's commit leaves.
     */
    public static SiteWriter open(Path out, List<Path> protectedDirs, boolean force, Spare spare, Survey survey)
            throws IOException, UnsafeOutputException {
        Path abs = refuseUnsafe(out, protectedDirs, force);
        if (!survey.out.equals(abs)) survey = survey(abs, spare);
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path kept = spare == null ? null : reusable(spare, abs);
        if (kept == null && survey.leftover != null && survey.walk != null) {
            OldSite site = joined(survey.walk);
            try {
                spare = leftover(abs, site, joined(survey.leftover), spare);
                kept = spare.dir;
            } catch (IOException e) {
                // that folder could not be tidied (a file in it that cannot be deleted): stage from nothing
            }
        }
        if (kept != null) {
            // a name of its own at once: the commit moves the current site to .NAME.old
            Path staging = parent.resolve("." + abs.getFileName() + ".tmp-" + Long.toUnsignedString(System.nanoTime(), 36));
            try {
                move(kept, staging);
            } catch (IOException e) {
                staging = null; // gone meanwhile (another build took it): stage from nothing
            }
            if (staging != null) {
                cleanStale(parent, abs.getFileName().toString(), staging);
                try {
                    level(spare, abs, staging);
                    return new SiteWriter(abs, staging, spare, new HashSet<>(spare.siteFiles), survey);
                } catch (IOException e) {
                    // it could not be brought level: stage from nothing as a first build would
                    spare.forget();
                    deleteTree(staging);
                }
            }
        }
        cleanStale(parent, abs.getFileName().toString(), null);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        return new SiteWriter(abs, staging, spare, Set.of(), survey);
    }

    /**
     * What the folder a build left beside {@code out} differs in from the site, told by the files'
     * identities: a file of both that is one inode was linked and is the same.
     */
    private static Spare leftover(Path out, OldSite site, Leftover left, Spare into) {
        Spare s = into != null ? into : new Spare();
        s.out = out;
        s.dir = spareFolder(out);
        s.dirFiles = left.files().keySet();
        s.dirFolders = null;
        s.siteFiles = new HashSet<>(site.files().keySet());
        s.differ = new HashSet<>();
        for (Map.Entry<String, Stamp> f : site.files().entrySet()) {
            Object key = f.getValue().key();
            if (key == null || !key.equals(left.files().get(f.getKey()))) s.differ.add(f.getKey());
        }
        return s;
    }

    /** The spare's folder when it is the one left beside this output and the site is still the one committed then. */
    private static Path reusable(Spare spare, Path out) {
        if (spare.dir == null || !out.equals(spare.out)) return null;
        Object dirKey = key(spare.dir);
        // another process's build replaces the output folder, and two of them bring the same folder
        // back: the record of the last commit tells ({@link Record#holds})
        return dirKey != null && dirKey.equals(spare.dirKey) && spare.record != null && spare.record.holds(out) ? spare.dir : null;
    }

    private static Object key(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() ? a.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Makes {@code staging}, which holds the spare's files, hold the current site's: each a link to the site's. */
    private static void level(Spare spare, Path out, Path staging) throws IOException {
        for (String f : spare.dirFiles) {
            if (!spare.siteFiles.contains(f)) {
                Files.deleteIfExists(staging.resolve(f));
                prune(staging, staging.resolve(f).getParent());
            }
        }
        for (String f : spare.siteFiles) {
            if (spare.differ.contains(f) || !spare.dirFiles.contains(f)) {
                Path target = staging.resolve(f);
                Files.deleteIfExists(target);
                Files.createDirectories(target.getParent());
                link(out.resolve(f), target);
            }
        }
        if (spare.dirFolders != null) {
            Set<String> needed = folders(spare.siteFiles);
            // last, deepest first; a folder that still holds anything is left alone
            List<String> extra = spare.dirFolders.stream().filter(f -> !needed.contains(f) && !spare.siteFiles.contains(f))
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
            for (String f : extra) {
                try {
                    if (Files.isDirectory(staging.resolve(f), LinkOption.NOFOLLOW_LINKS)) Files.delete(staging.resolve(f));
                } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
                    // holds a file of the site, or is gone
                }
            }
        }
    }

    /** Deletes {@code dir} and its parents below {@code root} while they are empty: a clean build has no empty folder. */
    private static void prune(Path root, Path dir) throws IOException {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
                return;
            }
        }
    }

    /**
     * Throws when {@link #open} would refuse {@code out}, and writes nothing: a build asks before it
     * does any work, so a refused build leaves no trace (not even a cache). Returns the folder, absolute.
     */
    public static Path refuseUnsafe(Path out, List<Path> protectedDirs, boolean force) throws IOException, UnsafeOutputException {
        Path abs = out.toAbsolutePath().normalize();
        check(abs, protectedDirs);
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeOutputException(out + ": output exists and is not a folder; choose another --out");
            }
            if (!force && !Files.exists(abs.resolve(MANIFEST)) && !isEmpty(abs)) {
                throw new UnsafeOutputException(out + ": output folder holds files briefing did not write; "
                        + "empty it, choose another --out, or pass --force to replace it");
            }
        }
        return abs;
    }

    private static void check(Path abs, List<Path> protectedDirs) throws UnsafeOutputException, IOException {
        if (abs.getParent() == null) throw new UnsafeOutputException(abs + ": refusing to write the site to the file system root; choose another --out");
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (abs.equals(home)) throw new UnsafeOutputException(abs + ": refusing to write the site to the home folder; choose another --out");
        if (abs.equals(cwd) || cwd.startsWith(abs)) throw new UnsafeOutputException(abs + ": refusing to write the site over the project folder; choose another --out such as site");
        for (Path p : protectedDirs) {
            Path pa = p.toAbsolutePath().normalize();
            if (abs.equals(pa) || abs.startsWith(pa) || pa.startsWith(abs)) {
                throw new UnsafeOutputException(abs + ": refusing to write the site into or over " + p + "; choose another --out such as site");
            }
            if (Files.exists(pa) && Files.exists(abs)) {
                Path ra = abs.toRealPath(), rp = pa.toRealPath();
                if (ra.equals(rp) || ra.startsWith(rp) || rp.startsWith(ra)) {
                    throw new UnsafeOutputException(abs + ": refusing to write the site into or over " + p + "; choose another --out such as site");
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Removes staging folders that a killed build left behind, and a spare no writer reuses. */
    private static void cleanStale(Path parent, String name, Path reused) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("." + name + ".tmp-")
                    || p.getFileName().toString().equals("." + name + ".old")).filter(p -> !p.equals(reused)).toList()) {
                deleteTree(p);
            }
        }
    }

    /** Writes one file of the site; any thread. {@code path} is '/'-separated and must stay inside the site. */
    public void write(String path, byte[] bytes) throws IOException {
        Path target = resolve(path);
        synchronized (this) {
            if (!written.add(path)) throw new IOException(path + ": two pages were written to the same path; give one of the articles another slug");
        }
        boolean same = stage(path, target, bytes);
        synchronized (this) {
            if (same) unchanged++;
            else changed.add(path);
        }
    }

    /** Stages one file; true when the previous build's identical file was linked instead. */
    private boolean stage(String path, Path target, byte[] bytes) throws IOException {
        folder(target.getParent());
        Path previous = out.resolve(path);
        if (hasPrevious && Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS) && Files.size(previous) == bytes.length
                && Arrays.equals(Files.readAllBytes(previous), bytes)) {
            if (!mirror.contains(path)) link(previous, target);
            return true;
        }
        // a reused staging folder's file is the live site's too: replaced, never written into
        if (mirror.contains(path)) Files.deleteIfExists(target);
        Files.write(target, bytes);
        synchronized (this) {
            fresh.add(path);
        }
        return false;
    }

    /** Makes a folder of the staging folder once; a thread writing into it waits until it exists. */
    private void folder(Path dir) throws IOException {
        try {
            folders.computeIfAbsent(dir, d -> {
                try {
                    Files.createDirectories(d);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Boolean.TRUE;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Keeps the previous build's file at {@code path} without rendering it again, when it had the
     * size and modification time (milliseconds) the caller saw after that build as the survey of
     * the site saw it when it began (see {@link Survey}). Returns false, and writes nothing, when it did
     * not, or is gone by now: the caller renders the page instead. Any thread.
     */
    public boolean keep(String path, long size, long modifiedMillis) throws IOException {
        if (oldSite == null) return false;
        // waited for outside the lock, so render threads writing meanwhile are not held up
        Stamp seen = walked().files().get(path);
        if (seen == null || seen.size() != size || seen.modified() != modifiedMillis) return false;
        synchronized (this) {
            if (written.contains(path)) return false;
            // a path the survey found is a file of the site, so it is safe; it is only resolved to be linked
            if (!mirror.contains(path)) {
                Path target = resolve(path);
                folder(target.getParent());
                try {
                    link(out.resolve(path), target);
                } catch (java.nio.file.NoSuchFileException e) {
                    return false; // deleted by hand since the survey
                }
            }
            written.add(path);
            unchanged++;
            return true;
        }
    }

        private static void link(Path previous, Path target) throws IOException {
        try {
            Files.createLink(target, previous);
        } catch (UnsupportedOperationException | IOException e) {
            // no hard links here (another file system): copy and keep the time instead
            Files.copy(previous, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** The output folder, absolute. */
    public Path out() {
        return out;
    }

    /** Files whose bytes differ from the previous build's, or that it did not have, as site paths. */
    public Set<String> changed() {
        return java.util.Collections.unmodifiableSet(changed);
    }

    /** After {@link #commit()}: files of the previous build that this one did not write, now gone. */
    public Set<String> deleted() {
        return java.util.Collections.unmodifiableSet(deleted);
    }

    private Path resolve(String path) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            throw new IOException(path + ": not a relative site path");
        }
        Path target = staging.resolve(path).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) throw new IOException(path + ": escapes the output folder");
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) throw new IOException(path + ": escapes the output folder");
        }
        return target;
    }

    /** Files written so far, as site paths. */
    public Set<String> written() {
        return java.util.Collections.unmodifiableSet(written);
    }

    /** How many written files were byte-identical to the previous build's and kept as they were. */
    public int unchanged() {
        return unchanged;
    }

    /** Swaps the staged site in. Before this, the previous site is untouched. */
    public void commit() throws IOException {
        if (sameManifest()) {
            // the very list the site already holds: no need to sort 20,000 paths to write it again
            if (!mirror.contains(MANIFEST)) link(out.resolve(MANIFEST), staging.resolve(MANIFEST));
        } else {
            stage(MANIFEST, staging.resolve(MANIFEST), (String.join("\n", new TreeSet<>(written)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path old = spareFolder(out);
        boolean hadOld = Files.exists(out);
        Set<String> oldFiles = new HashSet<>(), foreign = new HashSet<>();
        OldSite previous = hadOld ? keepForeignFiles(oldFiles, foreign) : null;
        for (String f : mirror) {
            // the current site's files that this build neither wrote nor kept
            if (!written.contains(f) && !foreign.contains(f) && !f.equals(MANIFEST)) {
                Files.deleteIfExists(staging.resolve(f));
                prune(staging, staging.resolve(f).getParent());
            }
        }
        if (hadOld) move(out, old);
        move(staging, out);
        committed = true;
        if (spare != null) {
            try {
                spare.record = new Record(out, written, foreign);
            } catch (IOException e) {
                spare.record = null; // the site is committed: the next build walks it instead
            }
        }
        if (spare != null && hadOld) {
            spare.out = out;
            spare.dir = old;
            spare.dirKey = key(old);
            spare.dirFiles = oldFiles;
            Set<String> oldFolders = new HashSet<>();
            for (Path d : previous.folders().keySet()) if (!d.equals(out)) oldFolders.add(sitePath(out, d));
            spare.dirFolders = oldFolders;
            Set<String> site = new HashSet<>(written);
            site.add(MANIFEST);
            site.addAll(foreign);
            spare.siteFiles = site;
            Set<String> differ = new HashSet<>(fresh);
            differ.addAll(foreign); // copied, not linked
            spare.differ = differ;
        } else if (spare != null) {
            spare.forget();
        }
    }

    /** Whether the previous site's manifest lists exactly the files written, and has the size that list makes. */
    private boolean sameManifest() throws IOException {
        if (oldSite == null) return false;
        OldSite site = walked();
        Stamp manifest = site.files().get(MANIFEST);
        if (manifest == null || site.owned().size() != written.size() + 1) return false;
        long size = 0;
        for (String f : written) {
            if (!site.owned().contains(f)) return false;
            size += f.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return manifest.size() == size;
    }

    /**
     * Files in the old site that the generator did not write (the user's CNAME, say) move to the
     * new one: their paths go to {@code foreign}, and the paths of all the old site's files to {@code all}.
     * Returns the old site as it was found.
     */
    private OldSite keepForeignFiles(Set<String> all, Set<String> foreignPaths) throws IOException {
        OldSite site;
        if (oldSite == null) {
            site = OldSite.walk(out); // the output folder appeared during the build
        } else {
            site = walked();
            site.catchUp(out);
        }
        for (String o : site.owned()) if (!o.isEmpty() && !o.equals(MANIFEST) && !written.contains(o)) deleted.add(o);
        all.addAll(site.files().keySet());
        for (String rel : site.unowned()) {
            // removed by hand since the walk: nothing to keep
            if (written.contains(rel) || !Files.isRegularFile(out.resolve(rel), LinkOption.NOFOLLOW_LINKS)) continue;
            Path target = staging.resolve(rel);
            Files.createDirectories(target.getParent());
            // a reused staging folder may hold an older copy, or a link to this very file
            Files.deleteIfExists(target);
            Files.copy(out.resolve(rel), target, StandardCopyOption.COPY_ATTRIBUTES);
            foreignPaths.add(rel);
        }
        return site;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
