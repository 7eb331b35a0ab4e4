package briefing.cli;

import briefing.build.Builder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** The options {@code build}, {@code watch} and {@code serve} share: what to build from and where to. */
final class BuildOptions {
    @Option(names = "--source", defaultValue = "seeds", description = "Folder of seed articles (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--out", defaultValue = "site", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--templates", defaultValue = "templates", description = "The site's templates folder (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--config", defaultValue = "site.yml", description = "Configuration file; optional (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--theme", description = "Theme to use, overriding the configuration (built in: calm, compact).")
    String theme;

    @Option(names = "--force", description = "Replace an output folder that holds files briefing did not write.")
    boolean force;

    @Option(names = "--cache", description = "Folder of the incremental build's cache (default: .briefing-cache beside the output).")
    Path cache;

    @Option(names = "--clean", description = "Ignore the cache and rebuild everything.")
    boolean clean;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The options, after a warning for a configuration file or templates folder the user named that
     * is not there: without one the build goes on with the built-in one, which a typo in the path
     * must not pass for.
     */
    Builder.Options options() {
        var parsed = command.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--config") && !Files.exists(config)) {
            System.err.println("warning: " + config + ": configuration file not found; the built-in settings are used (check the path)");
        }
        if (parsed.hasMatchedOption("--templates") && !Files.exists(templates)) {
            System.err.println("warning: " + templates + ": templates folder not found; the built-in theme is used (check the path)");
        }
        return new Builder.Options(source, out, templates, config, theme, force, cache, clean);
    }
}
