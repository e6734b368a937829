package io.supportflow.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 server for the tests of this JVM, started on first use ({@link #shared()}) and stopped,
 * its files deleted, when the JVM exits (a shutdown hook: also when tests fail). The server binaries are taken from
 * {@code -Dsupportflow.postgres.bin} (default {@code /usr/lib/postgresql/15/bin}); when they are missing and the
 * build runs as root on Debian, they are installed with apt, otherwise the first test fails saying how to get them.
 * {@code initdb} refuses root, so as root every server command runs as user {@code postgres} via {@code runuser},
 * with the data directory under {@code target/} when that user may write there, else under the temporary directory.
 * The cluster lives on a free loopback port with its socket in its own directory; trust authentication, loopback
 * only. Each {@link #newDatabase()} is a fresh, empty database.
 */
public final class PostgresServer {
    private static final String BIN = System.getProperty("supportflow.postgres.bin", "/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path base;
    private final int port;

    private PostgresServer(Path base, int port) {
        this.base = base;
        this.port = port;
    }

    /** The server of this JVM, started on the first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        }
        return shared;
    }

    /** The JDBC URL of a new, empty database (user {@code postgres}, no password). */
    public String newDatabase() {
        String name = "sf_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"));
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return url(name);
    }

    /** The JDBC URL of database {@code name}. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=postgres";
    }

    private static PostgresServer start() {
        Path bin = binaries();
        Path base = dataRoot();
        Path data = base.resolve("data");
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync", "--no-instructions");
        int port = freePort();
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", base.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                        + base + " -c max_connections=200", "start");
        return new PostgresServer(base, port);
    }

    private void stop() {
        try {
            run(BIN + "/pg_ctl", "-D", base.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            delete(base);
        }
    }

    private static Path binaries() {
        Path bin = Path.of(BIN);
        if (Files.isExecutable(bin.resolve("initdb"))) {
            return bin;
        }
        String how = "PostgreSQL 15 server binaries are missing from " + bin + ": install them (Debian: apt-get install"
                + " -y postgresql-15) or point -Dsupportflow.postgres.bin at their directory";
        if (!ROOT || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException(how);
        }
        command(List.of("apt-get", "update"), how);
        command(List.of("apt-get", "install", "-y", "postgresql-15"), how);
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalStateException(how + " (apt-get install ran, but initdb is still missing)");
        }
        return bin;
    }

    /** A new directory the server's user may write, in {@code target/} if that user can reach it. */
    private static Path dataRoot() {
        try {
            Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
            Path base = Files.createTempDirectory(target, "postgres-");
            if (!ROOT) {
                return base;
            }
            giveToPostgres(base);
            if (command(List.of("runuser", "-u", "postgres", "--", "test", "-w", base.toString()), null) == 0) {
                return base;
            }
            delete(base);
            Path elsewhere = Files.createTempDirectory("supportflow-postgres-");
            giveToPostgres(elsewhere);
            return elsewhere;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void giveToPostgres(Path directory) throws IOException {
        UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("postgres"));
        GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
        view.setGroup(group);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a server command (as user postgres when root); fails with its output unless it exits 0. */
    private static void run(String... arguments) {
        List<String> line = new ArrayList<>();
        if (ROOT) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(arguments));
        command(line, "PostgreSQL command failed");
    }

    /** Runs {@code line}; with a {@code failure} message, fails unless it exits 0, else returns the exit code. */
    private static int command(List<String> line, String failure) {
        try {
            Path output = Files.createTempFile("supportflow-postgres-", ".out");
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
                int exit = process.waitFor();
                if (exit != 0 && failure != null) {
                    throw new IllegalStateException(failure + ": " + String.join(" ", line) + " exited " + exit
                            + ":\n" + Files.readString(output));
                }
                return exit;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(failure + ": " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", line), e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: target/ is cleaned by the next mvn clean
        }
    }
}
