package io.partnertiers.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Map;

import org.h2.tools.Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An H2 server on a free port that a test can stop and start again, to play a database that goes
 * away and comes back. It is driven over the network (not through a shared object) because the
 * test and this resource may be loaded by different class loaders.
 */
public class H2TcpServer implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "outage";
    private int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(port);
        return Map.of("%test.quarkus.datasource.jdbc.url",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:outage;DB_CLOSE_DELAY=-1");
    }

    @Override
    public void stop() {
        stop(port);
    }

    /** Serves on {@code port}; an in-memory database kept by an earlier server in this JVM is served again. */
    public static void start(int port) {
        try {
            Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-tcpPassword", PASSWORD).start();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the H2 server on port " + port, e);
        }
    }

    /**
     * Stops the server on {@code port}, closing every connection to it, and returns once the port
     * refuses connections: H2's shutdown may return while the server is still closing.
     */
    public static void stop(int port) {
        try {
            Server.shutdownTcpServer("tcp://127.0.0.1:" + port, PASSWORD, true, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot stop the H2 server on port " + port, e);
        }
        for (int attempt = 0; attempt < 100 && accepts(port); attempt++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The port of the server named in an {@code jdbc:h2:tcp://host:port/…} URL. */
    public static int portOf(String jdbcUrl) {
        String afterHost = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        return Integer.parseInt(afterHost.substring(afterHost.indexOf(':') + 1, afterHost.indexOf('/')));
    }
}
