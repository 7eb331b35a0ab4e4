package briefing.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs {@code build} in a second JVM set up for a short run, as {@code java -jar} cannot set its
 * own options: the C1 compiler alone, and the parallel collector. With the default tiered
 * compilation a 10,000-article build took about twice the CPU time (24–31 s against 15 s user),
 * most of it in the compiler: 15.7 s of compiling against 0.9 s with C1 alone (BENCHMARKS.md,
 * session 10).
 * {@code watch} and {@code serve} are not forked: a long run gains from C2 (a rebuild inside
 * {@code watch} took 431 against 511 ms with C1 alone). Starting the second JVM costs under 0.1 s.
 *
 * <p>The property {@code briefing.fork}: {@code false} runs the build in the JVM started (say, to
 * profile it); {@code child} marks the second JVM, which stops when the first one is gone, so
 * that killing the command the user started kills the build too.
 */
final class Fork {
    private static final String PROPERTY = "briefing.fork";
    /**
     * Options the user chose the JVM's compiler with, or that would act twice: a debugger, an agent,
     * a recording, a monitoring port (the second JVM would find it taken), a log file, a class list
     * or archive written at exit (the first JVM, exiting last, would overwrite the build's).
     */
    private static final Pattern OWN_SETUP = Pattern.compile("-(agentlib|agentpath|javaagent|Xrun|Xdebug|Xint|Xcomp).*"
            + "|-XX:[+-]?(TieredStopAtLevel|TieredCompilation|StartFlightRecording|UseJVMCICompiler|ArchiveClassesAtExit"
            + "|DumpLoadedClassList).*|-Dcom\\.sun\\.management\\.jmxremote.*|-Xlog:[^:]*:(?!stdout|stderr|:).+|-Xloggc:.*");
    /** Where the JVM also reads options: they are among its input arguments, so the second JVM is given them once, not read again. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private static final Pattern CHOSEN_COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");

    private Fork() {}

    /** The second JVM's exit code, or null when the build is to run in this one. */
    static Integer run(String[] args) {
        String mode = System.getProperty(PROPERTY, "");
        if (mode.equals("child")) {
            stopWithParent();
            return null;
        }
        if (mode.equals("false")) return null;
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jvm.stream().anyMatch(a -> OWN_SETUP.matcher(a).matches())) return null;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        // a second collector named would stop the JVM ("multiple garbage collectors selected")
        if (jvm.stream().noneMatch(a -> CHOSEN_COLLECTOR.matcher(a).matches())) command.add("-XX:+UseParallelGC");
        command.addAll(jvm); // after ours: the user's own -XX options win
        command.addAll(List.of("-D" + PROPERTY + "=child", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process child;
        try {
            // its input is a pipe this JVM holds: when this one ends, however it ends, the pipe closes
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().keySet().removeAll(OPTION_VARIABLES);
            child = pb.start();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // no second JVM to be had: the build runs here, only slower
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // stopped by a signal: the child ends as its input closes, and is given time to end before the prompt returns
            try {
                child.getOutputStream().close();
                child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the pipe closes with this JVM all the same
            }
        }, "stop build"));
        while (true) {
            try {
                int code = child.waitFor();
                if (code == 128 + 9) {
                    // the shell says "Killed" only for the process it started, which is this one
                    System.err.println("error: the build was killed (signal 9: the machine ran out of memory, or kill -9)");
                }
                return code;
            } catch (InterruptedException e) {
                // nothing interrupts the main thread but an exit, which the hook above handles
            }
        }
    }

    /** The second JVM's input, read until the first JVM is gone; null in any other JVM. */
    private static java.nio.channels.FileChannel parent;

    /**
     * Ends this JVM as a kill would once its input (the first JVM's pipe) closes: at once, so that a
     * build whose command was killed never swaps its site in. Read through a channel, which
     * {@link #release} can close under the blocked read: a thread left blocked in it would hold up
     * the exit by 0.3 s, the time the JVM waits for threads in native code.
     */
    private static void stopWithParent() {
        java.nio.channels.FileChannel in = new java.io.FileInputStream(java.io.FileDescriptor.in).getChannel();
        parent = in;
        Thread t = new Thread(() -> {
            try {
                java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
                while (in.read(one) >= 0) one.clear(); // nothing is ever written to it
            } catch (IOException e) {
                return; // closed by release(): this JVM is ending anyway
            }
            Runtime.getRuntime().halt(143);
        }, "parent watch");
        t.setDaemon(true);
        t.start();
    }

    /** Stops watching the first JVM, before this one exits. */
    static void release() {
        if (parent == null) return;
        try {
            parent.close();
        } catch (IOException e) {
            // it is closed with the JVM anyway
        }
    }
}
