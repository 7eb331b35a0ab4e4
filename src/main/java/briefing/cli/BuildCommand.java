package briefing.cli;

import briefing.build.BuildReport;
import briefing.build.Builder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds the site from the seeds folder into the output folder.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    BuildOptions build;

    @Option(names = "--report", description = "Also write the build report as JSON to this file (outside the output folder).")
    Path report;

    @Option(names = {"-v", "--verbose"}, description = "Print pairing decisions and topics per article.")
    boolean verbose;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        if (report != null && report.toAbsolutePath().normalize().startsWith(build.out.toAbsolutePath().normalize())) {
            // it would be published with the site, and kept by later builds as a file the user put there
            System.err.println("error: --report " + report + " is inside the output folder " + build.out + "; write it elsewhere");
            return 2;
        }
        try {
            BuildReport r = new Builder().whenWaiting(out -> System.err.println(Builder.WAITING.formatted(out))).build(build.options());
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
