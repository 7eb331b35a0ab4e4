package briefing.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code briefing} command line. Exit codes: 0 success, 1 content errors, 2 wrong usage. */
@Command(name = "briefing", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds a bilingual news briefing site from scraped articles.",
        subcommands = {BuildCommand.class, CleanCommand.class, CheckCommand.class, WatchCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // only a build named on the command line: an argument file (@FILE) may be a pipe, which only one JVM can read
        if (args.length > 0 && args[0].equals("build")) {
            Integer code = Fork.run(args);
            if (code != null) System.exit(code);
        }
        // Java 17 prints in the platform charset, which mangles Vietnamese in a C locale
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // the site is as the last build left it (builds swap it in whole); the heap, not the input, is at fault
            System.err.println("error: out of memory (" + e.getMessage() + "); give Java more heap, e.g. java -Xmx2g -jar briefing.jar ...");
            code = 1;
        }
        Fork.release();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; the tests call this instead of {@link #main}. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(ex));
            if (Boolean.getBoolean("briefing.debug")) ex.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * What went wrong, in words: some file system exceptions name only the file ("error:
     * site/en/articles" said nothing of a folder that could not be deleted as it was not empty).
     */
    static String message(Throwable ex) {
        Throwable t = ex instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        String what = t instanceof java.nio.file.FileSystemException f && f.getReason() == null && f.getFile() != null
                ? REASONS.get(f.getClass()) : null;
        return what != null ? t.getMessage() + ": " + what : ex.getMessage();
    }

    private static final java.util.Map<Class<?>, String> REASONS = java.util.Map.of(
            java.nio.file.NoSuchFileException.class, "no such file or folder",
            java.nio.file.DirectoryNotEmptyException.class, "folder not empty",
            java.nio.file.AccessDeniedException.class, "access denied",
            java.nio.file.FileAlreadyExistsException.class, "already exists",
            java.nio.file.NotDirectoryException.class, "not a folder",
            java.nio.file.NotLinkException.class, "not a link",
            java.nio.file.FileSystemLoopException.class, "a loop of links");

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, clean, check, watch or serve");
    }
}
