package dev.logonlens.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts a single-node OpenSearch on 127.0.0.1 with a temporary home, prints the HTTP port on
 * stdout as a line {@code LOGONLENS_OPENSEARCH_HTTP_PORT=<port>} and runs until killed (or, with
 * {@code --exit-on-stdin-close}, until its parent closes stdin, so that a crashed test runner
 * never leaves a node behind).
 *
 * <p>Arguments: {@code [--http-port N] [--home DIR] [--keep-data] [--exit-on-stdin-close]}.
 * Port 0 (the default) lets the OS pick a free port.
 */
public final class Launcher {

    /** Node's constructor taking classpath plugins is protected: this subclass exposes it. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment) {
            super(environment, List.of(Netty4Plugin.class), true);
        }
    }

    public static void main(String[] args) throws Exception {
        String httpPort = "0";
        Path home = null;
        boolean keep = false;
        boolean exitOnStdinClose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--http-port" -> httpPort = args[++i];
                case "--home" -> home = Path.of(args[++i]);
                case "--keep-data" -> keep = true;
                case "--exit-on-stdin-close" -> exitOnStdinClose = true;
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        final boolean deleteHome = home == null && !keep;
        if (home == null) {
            home = Files.createTempDirectory("logonlens-opensearch-");
        }
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "logonlens-test")
            .put("node.name", "logonlens-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", "0")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // The test machines have small, busy disks: never block writes on watermarks.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("cluster.routing.allocation.disk.watermark.low", "1b")
            .put("cluster.routing.allocation.disk.watermark.high", "1b")
            .put("cluster.routing.allocation.disk.watermark.flood_stage", "1b")
            .put("action.auto_create_index", true)
            .put("indices.breaker.total.use_real_memory", false)
            .build();

        LogConfigurator.configureWithoutConfig(settings);
        Environment env = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "logonlens-node");
        Node node = new EmbeddedNode(env);
        node.start();

        int port = node.injector().getInstance(HttpServerTransport.class)
            .boundAddress().publishAddress().getPort();

        final Path homeDir = home;
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("error while stopping the node: " + e);
            }
            if (deleteHome) {
                deleteTree(homeDir);
            }
            stopped.countDown();
        }, "logonlens-opensearch-shutdown"));

        System.out.println("LOGONLENS_OPENSEARCH_HTTP_PORT=" + port);
        System.out.println("OpenSearch is running at http://127.0.0.1:" + port + " (home " + home + "); Ctrl-C stops it");
        System.out.flush();

        if (exitOnStdinClose) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // Discard: only the end of stdin matters.
                    }
                } catch (IOException ignored) {
                    // Treated as closed.
                }
                System.exit(0);
            }, "logonlens-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
