package kz.qorgau.infra;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its distribution zip on Maven Central: in development mode with the demo realm imported, its H2 data
 * beside the distribution (the demo and the tests), or in production mode with its data on the embedded PostgreSQL
 * (the real embedded mode). The distribution is unpacked once; a second start reuses its data.
 */
public final class EmbeddedKeycloak extends ChildServer {

    public static final String REALM = "qorgau";
    public static final String REALM_RESOURCE = "/keycloak/qorgau-realm.json";

    private final int port;
    private final String host;

    private EmbeddedKeycloak(ChildProcess process, String host, int port) {
        super(process);
        this.host = host;
        this.port = port;
    }

    /**
     * Starts Keycloak without waiting; call {@link #awaitReady()} before using it. With {@code freshData} its
     * database is dropped first, so that the realm is imported as it is now (tests); otherwise users and sessions
     * survive restarts and an existing realm is kept (the embedded default).
     */
    public static EmbeddedKeycloak start(Path distributionZip, Path installDirectory, int port, String realmJson,
                                         String adminPassword, boolean freshData, Path log) throws IOException {
        Path home = unpackOnce(distributionZip, installDirectory);
        if (freshData) {
            Directories.deleteRecursively(home.resolve("data"));
        }
        importRealm(home, realmJson);
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=localhost", "--hostname-strict=false", "--import-realm");
        return new EmbeddedKeycloak(ChildProcess.start("Keycloak", command, home, environment(home, adminPassword), log),
                "localhost", port);
    }

    /**
     * Keycloak in production mode for real use on a local network: its data in the PostgreSQL database
     * {@code databaseUrl}, reachable as {@code http://host:port}. {@code realmJson} (null: none) is imported only when
     * the realm does not exist yet. Passwords travel in the environment, never on the command line.
     */
    public static EmbeddedKeycloak startProduction(Path distributionZip, Path installDirectory, String host, int port,
                                                   String realmJson, String adminPassword, String databaseUrl,
                                                   String databaseUser, String databasePassword, Path log) throws IOException {
        Path home = unpackOnce(distributionZip, installDirectory);
        if (realmJson != null) {
            importRealm(home, realmJson);
        }
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start", "--db=postgres",
                "--http-enabled=true", "--http-port=" + port, "--hostname=http://" + host + ":" + port,
                "--health-enabled=false", "--import-realm");
        Map<String, String> environment = new java.util.HashMap<>(environment(home, adminPassword));
        environment.put("KC_DB_URL", databaseUrl);
        environment.put("KC_DB_USERNAME", databaseUser);
        environment.put("KC_DB_PASSWORD", databasePassword);
        return new EmbeddedKeycloak(ChildProcess.start("Keycloak", command, home, environment, log), host, port);
    }

    /** The realm file holds a first password in the real mode: it is removed once Keycloak has imported it. */
    public void forgetImport() throws IOException {
        try (var files = Files.list(process.workingDirectory().resolve("data/import"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private static void importRealm(Path home, String realmJson) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Path file = imports.resolve(REALM + "-realm.json");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, realmJson);
    }

    private static Map<String, String> environment(Path home, String adminPassword) throws IOException {
        Path temporary = Files.createDirectories(home.resolve("data/tmp"));
        return Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + temporary);
    }

    public void awaitReady() throws IOException, InterruptedException {
        process.awaitReady(issuer() + "/.well-known/openid-configuration", Duration.ofMinutes(4));
    }

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The demo realm as shipped in the classpath of this module. */
    public static String demoRealm() throws IOException {
        try (InputStream in = EmbeddedKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IOException("demo realm " + REALM_RESOURCE + " missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The secret of a confidential client, read from the realm so that it lives in one place only. */
    public static String clientSecret(String realmJson, String clientId) {
        try (JsonReader reader = Json.createReader(new StringReader(realmJson))) {
            return reader.readObject().getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                    .filter(c -> clientId.equals(c.getString("clientId")))
                    .map(c -> c.getString("secret"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no client " + clientId + " in the realm"));
        }
    }

    private static Path unpackOnce(Path zip, Path installDirectory) throws IOException {
        Path marker = installDirectory.resolve(".unpacked-" + zip.getFileName() + "-" + Files.size(zip));
        Path home;
        if (!Files.exists(marker)) {
            Files.createDirectories(installDirectory);
            Directories.unzip(zip, installDirectory);
            home = findHome(installDirectory);
            try (var scripts = Files.list(home.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.writeString(marker, home.getFileName().toString());
        }
        return installDirectory.resolve(Files.readString(marker).trim());
    }

    private static Path findHome(Path installDirectory) throws IOException {
        try (var entries = Files.list(installDirectory)) {
            return entries.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IOException("no bin/kc.sh under " + installDirectory));
        }
    }
}
