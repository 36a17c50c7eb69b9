package kz.qorgau.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A consistent copy of the embedded PostgreSQL while it runs, and its restore into an empty {@code var/}. The
 * embedded binaries have no pg_dump or pg_basebackup, so this does what pg_basebackup does with {@code -X fetch}:
 * {@code pg_backup_start}, a copy of the data folder, {@code pg_backup_stop} and its backup label, then the WAL written
 * meanwhile. Started on the restored folder, PostgreSQL replays that WAL and opens at the moment the backup ended.
 * The backup also holds {@code var/secrets.properties}, whose passwords the database's roles have, so it is as secret
 * as they are: it is written readable by its owner only.
 */
public final class Backup {

    /** Written by the running server, or not needed by one started from a backup (as PostgreSQL's docs list them). */
    static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans",
            "backup_label", "tablespace_map", "log");
    static final String DATA = "postgres/";
    static final String SECRETS = "secrets.properties";

    private Backup() {
    }

    /** {@code backup <file>} or {@code restore <file>}, with {@code qorgau.home} the folder holding {@code var/}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !Set.of("backup", "restore").contains(args[0])) {
            throw new IllegalArgumentException("usage: backup <file.zip> | restore <file.zip>");
        }
        Path home = Launcher.home();
        Path var = home.resolve("var");
        Path file = home.resolve(args[1]).normalize();
        if (args[0].equals("backup")) {
            Instant started = Instant.now();
            backup(var.resolve("postgres"), Launcher.DATABASE_PORT, var.resolve(SECRETS), file);
            System.out.println("[qorgau] Backup written to " + file + " (" + Files.size(file) / 1024 + " KB) in "
                    + java.time.Duration.between(started, Instant.now()).toMillis() + " ms.");
        } else {
            restore(file, var);
            System.out.println("[qorgau] Restored " + file + " into " + var + ". Start the Run as usual.");
        }
    }

    /** While the server on {@code port} runs on {@code dataDirectory}: a consistent copy of all its databases. */
    public static void backup(Path dataDirectory, int port, Path secrets, Path zip) throws IOException, SQLException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // the embedded server trusts local connections of its superuser; the backup functions need one
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement();
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            Labels labels = baseBackup(s, "qorgau", () -> copyTree(dataDirectory, out));
            write(out, DATA + "backup_label", labels.backupLabel());
            if (labels.tablespaceMap() != null && !labels.tablespaceMap().isEmpty()) {
                write(out, DATA + "tablespace_map", labels.tablespaceMap());
            }
            // the WAL from the backup's start to its stop; pg_backup_stop switched to a new segment, so all are whole
            for (String empty : new String[]{"pg_wal/", "pg_wal/archive_status/", "pg_replslot/", "pg_stat_tmp/",
                    "pg_dynshmem/", "pg_notify/", "pg_serial/", "pg_snapshots/", "pg_subtrans/"}) {
                out.putNextEntry(new ZipEntry(DATA + empty));
                out.closeEntry();
            }
            try (var wal = Files.list(dataDirectory.resolve("pg_wal"))) {
                for (Path segment : wal.filter(Files::isRegularFile).sorted().toList()) {
                    copyFile(segment, DATA + "pg_wal/" + segment.getFileName(), out);
                }
            }
            if (Files.exists(secrets)) {
                copyFile(secrets, SECRETS, out);
            }
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unpacks a backup into {@code var}, which must hold no database yet: a restore never overwrites one. */
    public static void restore(Path zip, Path var) throws IOException {
        Path data = var.resolve("postgres");
        if (Files.exists(data) && !isEmpty(data)) {
            throw new IOException(data + " already holds a database: a restore goes into an empty var/ only. Move the"
                    + " old var/ aside (it is the data you would lose), then restore again.");
        }
        Directories.unzip(zip, var.toAbsolutePath().normalize());
        if (Files.exists(var.resolve(SECRETS))) {
            Files.setPosixFilePermissions(var.resolve(SECRETS), PosixFilePermissions.fromString("rw-------"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------")); // PostgreSQL insists
    }

    private static void copyTree(Path dataDirectory, ZipOutputStream out) throws IOException {
        Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(dataDirectory) && dir.getParent().equals(dataDirectory)
                        && LEFT_OUT.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String name = DATA + dataDirectory.relativize(dir).toString().replace('\\', '/');
                out.putNextEntry(new ZipEntry(name.endsWith("/") ? name : name + "/"));
                out.closeEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                boolean topLevel = file.getParent().equals(dataDirectory);
                if (!(topLevel && LEFT_OUT.contains(file.getFileName().toString())) && attrs.isRegularFile()) {
                    copyFile(file, DATA + dataDirectory.relativize(file).toString().replace('\\', '/'), out);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped while we copied: the WAL replays its removal
                }
                throw e;
            }
        });
    }

    private static void copyFile(Path file, String name, ZipOutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            out.putNextEntry(new ZipEntry(name));
            in.transferTo(out);
            out.closeEntry();
        } catch (NoSuchFileException dropped) {
            // a relation dropped during the copy; the WAL replays its removal
        }
    }

    private static void write(OutputStream out, String name, String text) throws IOException {
        ZipOutputStream zip = (ZipOutputStream) out;
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** What a copy made between {@code pg_backup_start} and {@code pg_backup_stop} must carry to be a base backup. */
    record Labels(String backupLabel, String tablespaceMap) {
    }

    @FunctionalInterface
    interface Copy {
        void run() throws IOException;
    }

    /** A low-level base backup on the superuser's {@code s}: {@code copy} runs while it lasts, stopped even when it fails. */
    static Labels baseBackup(Statement s, String label, Copy copy) throws SQLException, IOException {
        s.execute("select pg_backup_start('" + label.replace("'", "''") + "', true)");
        Labels labels;
        try {
            copy.run();
        } finally {
            try (ResultSet stop = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                labels = new Labels(stop.getString(1), stop.getString(2));
            }
        }
        return labels;
    }
}
