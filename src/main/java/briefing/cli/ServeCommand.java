package briefing.cli;

import briefing.serve.PreviewServer;
import briefing.serve.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds and watches like watch, and serves the site on 127.0.0.1 with live reload. Ctrl-C stops.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    BuildOptions build;

    @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("error: --port " + port + " is not a port; pass one from 1 to 65535 (0: any free one)");
            return 2;
        }
        PreviewServer server;
        try {
            server = PreviewServer.start(build.out, port);
        } catch (BindException e) {
            System.err.println("error: port " + port + " is in use; pass another --port");
            return 1;
        }
        try (server; Watcher w = new Watcher(build.options(), System.out, server::reloaded)) {
            w.build(Set.of());
            System.out.println("serving " + build.out + " at http://127.0.0.1:" + server.port() + "/ ; Ctrl-C stops");
            w.run();
        }
        return 0;
    }
}
