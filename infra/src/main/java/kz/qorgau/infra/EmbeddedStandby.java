package kz.qorgau.infra;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A streaming-replication standby of the embedded PostgreSQL, on the same machine. The embedded binaries have no
 * pg_basebackup, so the standby's folder is made the way pg_basebackup makes it: a physical replication slot on the
 * primary first (it keeps every WAL segment the standby has not received yet), then {@code pg_backup_start}, a copy of
 * the primary's data folder, {@code pg_backup_stop} and its backup label, and {@code standby.signal} with the
 * primary's address and the slot. Started on that folder, PostgreSQL streams the WAL from the slot and stays a
 * read-only hot standby. Made once; later starts reuse the folder and catch up from the slot.
 */
public final class EmbeddedStandby {

    static final String SLOT = "qorgau_standby";

    private EmbeddedStandby() {
    }

    /** Makes {@code standbyDirectory} a standby of the server on {@code primaryPort}, unless it already holds one. */
    public static boolean prepare(Path primaryDirectory, int primaryPort, Path standbyDirectory) throws IOException, SQLException {
        if (Files.exists(standbyDirectory.resolve("standby.signal"))) {
            return false;
        }
        Directories.deleteRecursively(standbyDirectory); // a copy that stopped half-way is no standby
        Path partial = standbyDirectory.resolveSibling(standbyDirectory.getFileName() + ".partial");
        Directories.deleteRecursively(partial);
        Files.createDirectories(partial);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwx------")); // PostgreSQL insists
        // the embedded server trusts local connections of its superuser, replication ones too (initdb -A trust)
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + primaryPort + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet slot = s.executeQuery("select 1 from pg_replication_slots where slot_name = '" + SLOT + "'")) {
                if (!slot.next()) {
                    s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
                }
            }
            Backup.Labels labels = Backup.baseBackup(s, "qorgau standby", () -> copyTree(primaryDirectory, partial));
            Files.writeString(partial.resolve("backup_label"), labels.backupLabel());
            if (labels.tablespaceMap() != null && !labels.tablespaceMap().isEmpty()) {
                Files.writeString(partial.resolve("tablespace_map"), labels.tablespaceMap());
            }
        }
        for (String empty : new String[]{"pg_wal/archive_status", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
                "pg_serial", "pg_snapshots", "pg_subtrans"}) {
            Files.createDirectories(partial.resolve(empty));
        }
        // a standby of its primary, through the slot; the port and the rest come from the command line as on the primary
        Files.writeString(partial.resolve("postgresql.auto.conf"), standbySettings(primaryPort), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(partial.resolve("standby.signal"), "");
        Files.move(partial, standbyDirectory, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    static String standbySettings(int primaryPort) {
        return "\n# written by the cluster run: this folder is a streaming standby\n"
                + "primary_conninfo = 'host=localhost port=" + primaryPort + " user=postgres application_name=" + SLOT + "'\n"
                + "primary_slot_name = '" + SLOT + "'\n"
                + "hot_standby = on\n";
    }

    /** Waits until the primary on {@code primaryPort} reports the standby streaming; returns how far behind it is. */
    public static String awaitStreaming(int primaryPort, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + primaryPort + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("select state, coalesce(replay_lag::text, '0') from pg_stat_replication"
                        + " where application_name = '" + SLOT + "'")) {
                    if (r.next() && "streaming".equals(r.getString(1))) {
                        return r.getString(2);
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new SQLException("the standby is not streaming from the primary after " + timeout.toSeconds() + " s");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && dir.getParent().equals(from) && Backup.LEFT_OUT.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                boolean topLevel = file.getParent().equals(from);
                if (!(topLevel && Backup.LEFT_OUT.contains(file.getFileName().toString())) && attrs.isRegularFile()) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException dropped) {
                        // a relation dropped during the copy; the WAL replays its removal
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }
}
