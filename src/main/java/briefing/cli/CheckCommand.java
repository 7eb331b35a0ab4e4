package briefing.cli;

import briefing.check.SiteChecker;
import briefing.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks a built site as a host would serve it: links and assets resolve, pages state their "
                + "language, hreflang alternates are reciprocal, no local paths or localhost, feeds and sitemap are "
                + "well-formed XML. Exit code 1 when anything is wrong.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "site", description = "The built site folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--base-url", description = "The URL the site is served from; links starting with it are checked "
            + "as internal (default: the entry page's canonical link, when absolute).")
    String baseUrl;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(out)) {
            System.err.println("error: " + out + ": no such folder; build the site first or pass --out");
            return 1;
        }
        if (!Files.isRegularFile(out.resolve("index.html"))) {
            // every site has an entry page: without one this is some other folder, and "0 problems" would mislead
            System.err.println("error: " + out + ": no index.html, so not a built site; pass the folder the build wrote (--out)");
            return 1;
        }
        SiteChecker.Result r = new SiteChecker(out, baseUrl).check();
        for (Problem p : r.problems()) System.out.println(p);
        System.out.printf("%s: %d files, %d links checked, %d problems%n", out, r.files(), r.links(), r.problems().size());
        return r.problems().isEmpty() ? 0 : 1;
    }
}
