package kz.qorgau.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL from the binaries shipped in a Maven artifact, so that a machine with only a JDK can run Qorgau.
 * The cluster is initialised once with UTF-8 and an ICU Kazakh collation: Cyrillic and Kazakh names then sort in
 * alphabet order and {@code pg_trgm} treats their letters as letters. Its data survive restarts, and a commit that
 * was acknowledged survives a power cut: the library's defaults (fsync and synchronous commit off, for fast tests)
 * are switched back to PostgreSQL's own. Its log never repeats a row's contents ({@code log_error_verbosity=terse}).
 */
public final class EmbeddedDatabase implements Supervised {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final Path log;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Path binariesDirectory, Path log) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.binariesDirectory = binariesDirectory;
        this.log = log;
    }

    /** PostgreSQL's own messages go through the library's logger (tests). */
    public static EmbeddedDatabase start(Path dataDirectory, Path binariesDirectory, int port) throws IOException {
        return start(dataDirectory, binariesDirectory, port, null);
    }

    /** PostgreSQL's own messages go to {@code log}, a fresh file per start (the launcher). */
    public static EmbeddedDatabase start(Path dataDirectory, Path binariesDirectory, int port, Path log) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(binariesDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (log != null) {
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(Logs.rotate(log).toFile());
            builder.setOutputRedirector(toLog).setErrorRedirector(toLog);
        }
        EmbeddedPostgres postgres = builder
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDirectory.toFile())
                .setRegisterShutdownHook(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("locale-provider", "icu")
                .setLocaleConfig("icu-locale", "kk-KZ")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on") // after the library's -F, so it wins
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // a refused row's DETAIL lists its values (names, IINs): PostgreSQL's own log keeps only the error
                .setServerConfig("log_error_verbosity", "terse")
                .start();
        return new EmbeddedDatabase(postgres, dataDirectory, binariesDirectory, log);
    }

    /** The server runs while the process its postmaster.pid names is alive (pg_ctl started it apart from us). */
    @Override
    public boolean isAlive() {
        return Preflight.pidIn(dataDirectory.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String exitStatus() {
        return isAlive() ? "still running" : "its server process is gone";
    }

    @Override
    public Path log() {
        return log == null ? dataDirectory.resolve("log") : log;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates a login role owning a database of the same name, unless both already exist. */
    public void ensureDatabase(String name, String password) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role " + quoteIdent(name) + " login password " + quoteLiteral(password));
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + quoteIdent(name) + " owner " + quoteIdent(name));
                }
            }
        }
    }

    /** A login role with no rights of its own; migrations grant it what the application needs. */
    public void ensureLoginRole(String name, String password) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                s.execute("create role " + quoteIdent(name) + " login password " + quoteLiteral(password));
            } else {
                s.execute("alter role " + quoteIdent(name) + " password " + quoteLiteral(password));
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            return ps.executeQuery().next();
        }
    }

    private static String quoteIdent(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String literal) {
        return '\'' + literal.replace("'", "''") + '\'';
    }

    /**
     * Stops the server as {@code pg_ctl stop -m mode} does, for a fault drill, and answers how. pg_ctl refuses to run
     * as root (the build machines run as root, and the embedded binaries' postgres does not mind), so as root the
     * postmaster gets the signal pg_ctl would send: SIGQUIT for immediate (no checkpoint, crash recovery at the next
     * start), SIGINT for fast.
     */
    public String stop(String mode) throws Exception {
        long pid = Preflight.pidIn(dataDirectory.resolve("postmaster.pid"))
                .orElseThrow(() -> new IOException("PostgreSQL is not running in " + dataDirectory));
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IOException("PostgreSQL is not running"));
        Path pgCtl;
        try (var found = Files.find(binariesDirectory, 3, (p, a) -> p.endsWith("bin/pg_ctl"))) {
            pgCtl = found.findFirst().orElseThrow(() -> new IOException("no pg_ctl under " + binariesDirectory));
        }
        Process ctl = new ProcessBuilder(pgCtl.toString(), "stop", "-D", dataDirectory.toString(), "-m", mode, "-W")
                .redirectErrorStream(true).start();
        String said = new String(ctl.getInputStream().readAllBytes()).trim();
        String how;
        if (ctl.waitFor() != 0) {
            Process kill = new ProcessBuilder("kill", "-" + ("immediate".equals(mode) ? "QUIT" : "INT"), Long.toString(pid))
                    .inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IOException("could not signal PostgreSQL (pid " + pid + ")");
            }
            how = "the signal pg_ctl sends (SIGQUIT for `-m immediate`, SIGINT for `-m fast`), since pg_ctl said: " + said;
        } else {
            how = "`pg_ctl stop -m " + mode + "`";
        }
        postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        close(); // releases the embedded library's lock on the folder; its own pg_ctl stop finds nothing to stop
        return how;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
