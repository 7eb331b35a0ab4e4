package briefing.cli;

import briefing.build.BuildReport;
import briefing.build.Builder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds the site from the seeds folder into the output folder.")
final class BuildCommand implements Callable<Integer> {
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

    @Option(names = "--report", description = "Also write the build report as JSON to this file (outside the output folder).")
    Path report;

    @Option(names = {"-v", "--verbose"}, description = "Print pairing decisions and topics per article.")
    boolean verbose;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        try {
            BuildReport r = new Builder().build(new Builder.Options(source, out, templates, config, theme, force));
            System.out.print(r.summary(verbose));
            if (report != null) Files.writeString(report, r.json(), StandardCharsets.UTF_8);
            return r.hasErrors() ? 1 : 0;
        } catch (Builder.BuildFailure e) {
            System.err.println("error: " + e.getMessage());
            if (debug) e.printStackTrace();
            return 1;
        }
    }
}
