package briefing.cli;

import briefing.build.CleanRun;
import briefing.model.Cleaned;
import briefing.model.LineVerdict;
import briefing.model.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "clean", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Cleans seed files and shows the result, without building a site.")
final class CleanCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @picocli.CommandLine.Option(names = "--json", description = "Print a JSON array, one object per file.")
        boolean json;

        @picocli.CommandLine.Option(names = "--explain", description = "Print every input line with its class and the signal that decided it.")
        boolean explain;
    }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Seed files (.txt, .md, .html).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<CleanRun.Result> results = CleanRun.run(files);
        boolean errors = false;
        for (CleanRun.Result r : results) {
            for (Problem p : r.problems()) {
                System.err.println((p.isError() ? "error: " : "warning: ") + p);
                errors |= p.isError();
            }
        }
        if (mode.json) {
            List<Map<String, Object>> array = new ArrayList<>();
            for (CleanRun.Result r : results) array.add(json(r));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array));
        } else {
            for (CleanRun.Result r : results) explain(r, out);
        }
        out.flush();
        return errors ? 1 : 0;
    }

    private static Map<String, Object> json(CleanRun.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Cleaned c = r.cleaned();
        m.put("file", r.file());
        m.put("lang", r.lang());
        m.put("title", c == null ? null : c.title());
        m.put("date", c == null || c.date() == null ? null : c.date().toString());
        m.put("author", c == null ? null : c.author());
        m.put("publication", c == null ? null : c.publication());
        m.put("source_url", c == null ? null : c.sourceUrl());
        m.put("paragraphs", c == null ? List.of() : c.paragraphs());
        m.put("captions", c == null ? List.of() : c.captions());
        m.put("removed", c == null ? List.of() : c.removed());
        if (c == null) m.put("error", r.problems().isEmpty() ? "unreadable" : r.problems().get(0).toString());
        return m;
    }

    private static void explain(CleanRun.Result r, PrintStream out) {
        out.println("== " + r.file() + (r.lang() == null ? "" : " (" + r.lang() + ")"));
        if (r.cleaned() == null) {
            out.println("   not cleaned: " + (r.problems().isEmpty() ? "unreadable" : r.problems().get(0)));
            return;
        }
        for (LineVerdict v : r.cleaned().verdicts()) {
            String text = v.text().length() > 90 ? v.text().substring(0, 89) + "…" : v.text();
            out.printf("%4d %-11s %s%n     %s%n", v.line(), v.role().name().toLowerCase(java.util.Locale.ROOT), text, "↳ " + v.reason());
        }
        Cleaned c = r.cleaned();
        out.printf("   title: %s | date: %s | author: %s | publication: %s | source: %s%n", c.title(), c.date(),
                c.author(), c.publication(), c.sourceUrl());
    }
}
