package briefing.serve;

import briefing.build.BuildReport;
import briefing.build.Builder;
import briefing.model.Format;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rebuilds the site when a seed, a template, the configuration, a taxonomy file or the language
 * data change. Events are gathered until none has come for {@value #QUIET_MILLIS} ms, so saving
 * many files at once makes one build. Builds run in this process on one {@link Builder}, which
 * keeps its cache in memory between them. A failed build is printed; the site stays as the last
 * good build left it.
 */
public final class Watcher implements AutoCloseable {
    static final long QUIET_MILLIS = 100;

    private final Builder builder;
    private final Builder.Options options;
    private final PrintStream log;
    private final Runnable onBuilt;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    /** Every folder of the seeds ever watched, also once gone. */
    private final Set<Path> seedFolders = new HashSet<>();
    private final List<Path> trees = new ArrayList<>();
    private final Path configDir;
    private final Path source;

    /** @param onBuilt called after every build that changed the site */
    public Watcher(Builder.Options options, PrintStream log, Runnable onBuilt) throws IOException {
        this.options = options;
        this.log = log;
        this.onBuilt = onBuilt;
        this.builder = Builder.resident().whenWaiting(out -> log.println(Builder.WAITING.formatted(out)));
        this.service = FileSystems.getDefault().newWatchService();
        Path config = options.config().toAbsolutePath().normalize();
        this.configDir = config.getParent();
        this.source = options.source().toAbsolutePath().normalize();
        for (Path p : List.of(options.source(), options.templates(), configDir.resolve("languages"))) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                trees.add(abs);
                registerTree(abs);
            }
        }
        register(configDir);
    }

    private void register(Path dir) throws IOException {
        WatchKey k = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        dirs.put(k, dir);
        if (dir.startsWith(source)) seedFolders.add(dir);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path d : s.filter(Files::isDirectory).toList()) register(d);
        }
    }

    /** Builds once; returns false when the build failed. */
    public boolean build(Set<String> changed) {
        return build(changed, null);
    }

    /**
     * @param seeds the paths in the seeds folder whose events were seen, or null when not known (the
     *              first build, an overflow): with them the builder need not list the seeds folder again
     */
    private boolean build(Set<String> changed, Set<Path> seeds) {
        if (!changed.isEmpty()) log.println("changed: " + String.join(", ", changed));
        long start = System.nanoTime(), cpu = cpu();
        try {
            BuildReport r = builder.build(options, seeds);
            log.print(r.summary(false));
            // CPU time too: on a busy machine the wall time mostly measures waiting for a core
            log.printf(Locale.ROOT, "rebuilt in %.2f s (%.2f s of CPU)%n", (System.nanoTime() - start) / 1e9, (cpu() - cpu) / 1e9);
            // where a slow rebuild spent its time, as `build -v` shows it
            List<String> stages = new ArrayList<>();
            r.stageMillis().forEach((stage, ms) -> stages.add(String.format(Locale.ROOT, "%s %.2f s", stage, ms / 1000.0)));
            log.println("time: " + String.join("; ", stages));
            onBuilt.run();
            return true;
        } catch (Builder.BuildFailure e) {
            log.println("error: " + e.getMessage() + "; the site was left as the last good build made it");
        } catch (IOException | RuntimeException e) {
            log.println("error: build failed (" + e + "); the site was left as the last good build made it");
        }
        return false;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Waits for changes and rebuilds, until {@link #close()} or an interrupt. */
    public void run() throws InterruptedException {
        try {
            // the paths seen in the seeds folder are kept until a build is told of them: a batch that
            // starts none (a temporary file came and went) may still have moved what the builder listed
            Set<Path> seeds = new HashSet<>();
            boolean complete = true;
            while (true) {
                Set<String> changed = new TreeSet<>();
                complete &= collect(service.take(), changed, seeds);
                WatchKey more;
                do {
                    if (!changed.isEmpty()) builder.expect(options);
                    more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (more != null) complete &= collect(more, changed, seeds);
                } while (more != null);
                if (!changed.isEmpty()) {
                    build(changed, complete ? seeds : null);
                    seeds = new HashSet<>();
                    complete = true;
                }
            }
        } catch (ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Adds the key's events to {@code changed}, and the paths they name in the seeds folder to {@code seeds}; false on an overflow. */
    private boolean collect(WatchKey key, Set<String> changed, Set<Path> seeds) {
        Path dir = dirs.get(key);
        boolean complete = true;
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("(too many changes to list)");
                complete = false;
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            // every path, seed or not (a temporary file, a folder): the builder decides whether its listing still holds
            if (p.startsWith(source)) seeds.add(p);
            if (!relevant(p)) continue;
            Path cwd = Path.of("").toAbsolutePath();
            changed.add(p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString());
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                try {
                    registerTree(p);
                } catch (IOException x) {
                    log.println("warning: cannot watch " + p + " (" + x.getMessage() + "); restart watch to see changes in it");
                }
            }
        }
        if (!key.reset()) dirs.remove(key);
        return complete;
    }

    /** Files under the watched trees, and YAML files beside the configuration; never the output or the cache. */
    private boolean relevant(Path p) {
        if (p.getFileName().toString().startsWith(".")) return false;
        // an editor's or sed's temporary files in the seeds folder are not seeds
        // a folder of seeds moved or deleted is no folder any more: known as one that was watched
        if (p.startsWith(source)) return Format.of(p.getFileName().toString()) != null || Files.isDirectory(p) || seedFolders.contains(p);
        for (Path t : trees) if (p.startsWith(t)) return true;
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return p.getParent().equals(configDir) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
