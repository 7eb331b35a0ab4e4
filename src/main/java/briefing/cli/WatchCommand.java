package briefing.cli;

import briefing.serve.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds the site, then rebuilds it whenever seeds, templates or the configuration change. Ctrl-C stops.")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    BuildOptions build;

    @Override
    public Integer call() throws Exception {
        try (Watcher w = new Watcher(build.options(), System.out, () -> {})) {
            w.build(Set.of());
            System.out.println("watching " + build.source + ", " + build.templates + " and " + build.config + "; Ctrl-C stops");
            w.run();
        }
        return 0;
    }
}
