package local.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs the real Neo4j engine (embedded, Community) with its Bolt connector on loopback, so that
 * development machines and CI without Docker talk to Neo4j over Bolt exactly as to a server.
 *
 * Settings come from the environment: NEO4J_BOLT_PORT (default 7687), NEO4J_DATA_DIR (default
 * .neo4j-data). Authentication is off: the connector listens on 127.0.0.1 only. LOAD CSV may not
 * read file URLs, one transaction may use at most 256 MiB, and timeouts are checked every 100 ms.
 * Prints "Neo4j ready on bolt://127.0.0.1:PORT" once Bolt accepts connections; SIGTERM and
 * SIGINT shut the database down cleanly. With --exit-on-stdin-close it also stops when its
 * parent closes stdin, so a test run that dies does not leave a database holding the port.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", ".neo4j-data")).toAbsolutePath();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // It shares two cores and the machine with the tests: keep the page cache small.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                // LOAD CSV FROM 'file:///...' would read any file this JVM can (the API's
                // /proc/<pid>/environ and its tokens among them): no file URLs at all.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // One transaction may not hold more than this: a query building a huge list or
                // sorting the world is killed by the database (MemoryPoolOutOfMemoryError), not by
                // the JVM running out of heap for everyone.
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(256))
                // Transaction timeouts are enforced when this monitor looks (every 2 s by default):
                // look often, so an analyst's query stops close to its CYPHER_TIMEOUT_MS.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                // A development database: stop in a second or two rather than the server's ten.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("Neo4j stopped");
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("Neo4j did not become available within 2 minutes");
            System.exit(1);
        }
        waitForBolt(port);
        System.out.println("Neo4j ready on bolt://" + HOST + ":" + port);
        System.out.flush();

        for (String arg : args) {
            if (arg.equals("--exit-on-stdin-close")) {
                exitWhenStdinCloses();
            }
        }
        stopped.await();
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        System.err.println("Bolt did not accept connections on port " + port);
        System.exit(1);
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() != -1) {
                    // input is ignored; only its end matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone, the same as end of input
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
