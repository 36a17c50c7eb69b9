package kz.qorgau.infra.bench;

import jakarta.json.Json;
import kz.qorgau.infra.EmbeddedDatabase;
import kz.qorgau.infra.Launcher;
import kz.qorgau.infra.Machine;
import kz.qorgau.infra.EmbeddedKeycloak;
import kz.qorgau.infra.PayaraMicro;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Generates N fictional cases into a benchmark database of its own, starts Keycloak and Qorgau on it, and measures
 * what people wait for — case look-up, the case list, the statistics reports — over HTTP, next to the same questions
 * asked of PostgreSQL directly in the same run. Not a test: nothing asserts, and nothing in CI runs it.
 *
 * <p>Everything lives in {@code var/benchmark} (its own PostgreSQL, Keycloak and Payara on ports apart from the demo's
 * and the tests'). A database generated for the same N, seed and last year is reused; {@code -Dbenchmark.regenerate=true}
 * starts afresh, and {@code -Dbenchmark.keep=true} leaves the stack running after the measurement.
 */
public final class Benchmark {

    public static final int DATABASE_PORT = 25432;
    public static final int KEYCLOAK_PORT = 28180;
    public static final int HTTP_PORT = 28080;
    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    /** Server tuning for a 2-core machine with a few GB to spare; kept in the data directory (ALTER SYSTEM). */
    private static final Map<String, String> SERVER_SETTINGS = Map.of(
            // what the application's own SQL costs during the measurement, to tell it from the rest of a request
            "shared_preload_libraries", "pg_stat_statements",
            "shared_buffers", "2GB",
            "effective_cache_size", "8GB",
            "work_mem", "32MB",
            "maintenance_work_mem", "1GB",
            "max_wal_size", "8GB",
            "checkpoint_timeout", "30min",
            "random_page_cost", "1.1",
            // how long the write-ahead log's writes and flushes took (each commit waits for its flush)
            "track_wal_io_timing", "on");

    private final Path home;
    private final Path runtime;
    private final Path var;
    private final long cases;
    private final long seed;
    private final int lastYear;
    private final int warmUp;
    private final int iterations;
    private final int serverWarmUp;
    private final boolean regenerate;
    /** {@code cases} (the default): look-up, lists and statistics; {@code audit}: "who saw this" over a large audit trail. */
    private final boolean auditMode;
    private final long auditRows;
    private final int auditYears;
    private final String ownerPassword = Launcher.randomSecret();
    private final String appPassword = Launcher.randomSecret();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final StringBuilder plans = new StringBuilder();
    private final Set<String> explained = new HashSet<>();
    private final List<String> rewrites = new ArrayList<>();

    private Benchmark(Path home, Path runtime) {
        this.home = home;
        this.runtime = runtime;
        this.var = home.resolve("var/benchmark");
        this.cases = Long.getLong("benchmark.cases", 1_000_000L);
        this.seed = Long.getLong("benchmark.seed", 42L);
        this.lastYear = Integer.getInteger("benchmark.lastYear", Year.now(KAZAKHSTAN).getValue() - 1);
        this.warmUp = Integer.getInteger("benchmark.warmup", 5);
        this.iterations = Integer.getInteger("benchmark.iterations", 50);
        this.serverWarmUp = Integer.getInteger("benchmark.serverWarmup", 300);
        this.regenerate = Boolean.getBoolean("benchmark.regenerate");
        this.listsOnly = "lists".equals(System.getProperty("benchmark.only"));
        this.searchOnly = "search".equals(System.getProperty("benchmark.only"));
        this.exportOnly = "export".equals(System.getProperty("benchmark.only"));
        this.statisticsOnly = "statistics".equals(System.getProperty("benchmark.only"));
        this.mixedOnly = "mixed".equals(System.getProperty("benchmark.only"));
        this.importOnly = "import".equals(System.getProperty("benchmark.only"));
        this.mixedLoad = new MixedLoad(Integer.getInteger("benchmark.mixedSeconds", 120), Integer.getInteger("benchmark.mixedWarmup", 10),
                Integer.getInteger("benchmark.mixedDirectSeconds", 30), Long.getLong("benchmark.mixedThinkMs", 0L), seed);
        this.listLoad = new CaseListLoad(Integer.getInteger("benchmark.listUsers", 50),
                Integer.getInteger("benchmark.listSeconds", 120), seed);
        this.auditMode = "audit".equals(System.getProperty("benchmark.mode", "cases"));
        this.auditRows = Long.getLong("benchmark.auditRows", 100_000_000L);
        this.auditYears = Integer.getInteger("benchmark.auditYears", 6);
    }

    private final boolean listsOnly;
    private final boolean searchOnly;
    private final boolean exportOnly;
    private final boolean statisticsOnly;
    private final CaseListLoad listLoad;
    private final boolean mixedOnly;
    private final boolean importOnly;
    private final MixedLoad mixedLoad;
    private String mixedReport = "";
    private String importReport = "";
    /** The application server's process, for its heap; and the JDBC URL of the benchmark database, for the direct load. */
    private long payaraPid;
    private long keycloakPid;
    private String jdbcUrl;
    private List<CaseListLoad.User> listUsers = List.of();
    private String listReport = "";

    public static void main(String[] args) throws Exception {
        Path home = Launcher.home();
        Path runtime = Launcher.runtime(home);
        Benchmark benchmark = new Benchmark(home, runtime);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopAll, "benchmark-stop"));
        benchmark.run();
        benchmark.stopAll();
    }

    private void run() throws Exception {
        Files.createDirectories(var);
        say("%,d cases, seed %d, years %d-%d; data in %s".formatted(cases, seed, lastYear - 9, lastYear, home.relativize(var)));
        say("Starting PostgreSQL (embedded, port " + DATABASE_PORT + ") ...");
        EmbeddedDatabase database = startDatabase();
        String generation = prepareData(database);
        if (auditMode) {
            try (Connection c = connect("qorgau")) {
                generation += "\n" + new AuditTrail(auditRows, seed, Year.now(KAZAKHSTAN).getValue() - auditYears + 1).prepare(c);
            }
        }

        say("Starting Keycloak (port " + KEYCLOAK_PORT + ") and Qorgau on Payara Micro (port " + HTTP_PORT + ") ...");
        // the realm as checked in, its redirect URIs moved to the benchmark's port (as the tests do)
        // and the benchmark's own users, who sign in to the case list at once
        try (Connection c = connect("qorgau")) {
            listUsers = listLoad.users(c);
            CaseListLoad.assignCases(c, listUsers);
        }
        String realm = CaseListLoad.realmWith(EmbeddedKeycloak.demoRealm().replace(":8080/", ":" + HTTP_PORT + "/"), listUsers);
        EmbeddedKeycloak keycloak = keep(EmbeddedKeycloak.start(runtime.resolve("keycloak-quarkus-dist.zip"), var.resolve("keycloak"),
                KEYCLOAK_PORT, realm, Launcher.randomSecret(), true, var.resolve("logs/keycloak.log")));
        Map<String, String> environment = new java.util.HashMap<>(PayaraMicro.environment(database.jdbcUrl("qorgau"), appPassword,
                ownerPassword, keycloak.issuer(), EmbeddedKeycloak.clientSecret(realm, "qorgau-web"), false));
        // the server's GC pauses, to tell them from the application's own time in the list's tail
        environment.put("JAVA_TOOL_OPTIONS", GcPauses.option(var.resolve("logs/payara-gc.log").toAbsolutePath()));
        PayaraMicro payara = keep(PayaraMicro.start(runtime.resolve("payara-micro.jar"), runtime.resolve("ROOT.war"),
                var.resolve("payara"), HTTP_PORT, environment, var.resolve("logs/payara.log")));
        keycloak.awaitReady();
        payara.awaitReady();
        payaraPid = payara.pid();
        keycloakPid = keycloak.pid();
        jdbcUrl = "jdbc:postgresql://localhost:" + DATABASE_PORT + "/qorgau";

        try (Connection c = connect("qorgau"); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        }
        say("Measuring (" + warmUp + " warm-up calls, then " + iterations + " measured; the slowest operations fewer) ...");
        String machine;
        String applicationSql;
        String measured;
        try (Connection direct = connect("qorgau")) {
            machine = machine(direct);
            Application application = new Application(payara.baseUrl(), keycloak.issuer());
            measured = auditMode ? measureWhoSaw(application, direct) : report(machine, generation, measure(application, direct));
            applicationSql = applicationSql(direct);
        }
        String report = (auditMode ? "Machine: " + machine + "\n\n" + generation + "\n" + measured : measured + listReport + mixedReport + importReport)
                + applicationSql;
        System.out.println();
        System.out.println(report);
        Path file = var.resolve("results-" + (auditMode ? "audit-" : "") + LocalDateTime.now(KAZAKHSTAN).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".md");
        Files.writeString(file, report + (plans.isEmpty() ? "" : "\n## Plans of the slower direct queries\n\n" + plans));
        say("Written to " + home.relativize(file));
        if (Boolean.getBoolean("benchmark.keep")) {
            say("Kept running for a closer look: " + payara.baseUrl() + " (Keycloak " + keycloak.baseUrl() + "). Ctrl-C stops it.");
            payara.waitFor();
        }
    }

    // ---------------------------------------------------------------- database

    private EmbeddedDatabase startDatabase() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(var.resolve("postgres"), var.resolve("postgres-bin"), DATABASE_PORT);
        boolean changed = false;
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> setting : SERVER_SETTINGS.entrySet()) {
                try (ResultSet rs = s.executeQuery("select current_setting('" + setting.getKey() + "')")) {
                    rs.next();
                    if (!setting.getValue().equals(rs.getString(1))) {
                        s.execute("alter system set " + setting.getKey() + " = '" + setting.getValue() + "'");
                        changed = true;
                    }
                }
            }
        }
        if (changed) { // shared_buffers takes a restart
            database.close();
            database = EmbeddedDatabase.start(var.resolve("postgres"), var.resolve("postgres-bin"), DATABASE_PORT);
        }
        return keep(database);
    }

    /** Reuses a database generated with the same parameters, or generates one; answers the generation report. */
    private String prepareData(EmbeddedDatabase database) throws Exception {
        String previous = null;
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            boolean exists = exists(s, "select 1 from pg_database where datname = 'qorgau'");
            if (exists && !regenerate) {
                try (Connection q = connect("qorgau"); Statement qs = q.createStatement()) {
                    if (exists(qs, "select 1 from pg_tables where schemaname = 'benchgen' and tablename = 'generated'")) {
                        try (ResultSet rs = qs.executeQuery("select report from benchgen.generated where cases = " + cases
                                + " and seed = " + seed + " and last_year = " + lastYear)) {
                            previous = rs.next() ? rs.getString(1) : null;
                        }
                    }
                }
            }
            if (exists && previous == null) {
                say("Dropping the previous benchmark database (other parameters, or -Dbenchmark.regenerate) ...");
            }
            createDatabase(database, s, exists && previous == null);
        }
        int migrations;
        try {
            migrations = migrate(database);
        } catch (FlywayException e) {
            if (previous == null) {
                throw e;
            }
            // a migration changed after these data were generated (a branch rebased onto its final version)
            say("The schema history does not match the migrations (" + e.getMessage().lines().findFirst().orElse("") + "): generating afresh");
            previous = null;
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                createDatabase(database, s, true);
            }
            migrations = migrate(database);
        }

        Generator generator = new Generator(cases, seed, lastYear);
        try (Connection c = connect("qorgau")) {
            AuditTrail.discardUnfinished(c);
            if (previous != null) {
                say("Reusing the database generated earlier with these parameters");
                if (migrations > 0) {
                    say("  " + migrations + " new migration(s) applied: refreshing the summary and planner statistics");
                    generator.summarise(c);
                }
                return previous;
            }
            say("Generating ...");
            long started = System.nanoTime();
            generator.generate(c);
            generator.summarise(c);
            long total = (System.nanoTime() - started) / 1_000_000;
            String report = generationReport(c, generator.phases(), total);
            try (Statement s = c.createStatement()) {
                s.execute("create table benchgen.generated (cases bigint, seed bigint, last_year int, report text, finished_at timestamptz)");
                try (PreparedStatement ps = c.prepareStatement("insert into benchgen.generated values (?, ?, ?, ?, now())")) {
                    ps.setLong(1, cases);
                    ps.setLong(2, seed);
                    ps.setInt(3, lastYear);
                    ps.setString(4, report);
                    ps.executeUpdate();
                }
            }
            say("Generated in %.1f s".formatted(total / 1000.0));
            return report;
        }
    }

    private void createDatabase(EmbeddedDatabase database, Statement superuser, boolean dropFirst) throws SQLException {
        if (dropFirst) {
            superuser.execute("drop database qorgau with (force)");
        }
        database.ensureDatabase("qorgau", ownerPassword);
        superuser.execute("alter role qorgau password '" + ownerPassword + "'");
        database.ensureLoginRole("qorgau_app", appPassword);
    }

    /** The schema exactly as the application would migrate it at start (which then finds nothing to do). */
    private int migrate(EmbeddedDatabase database) {
        Flyway flyway = Flyway.configure(Benchmark.class.getClassLoader())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", "qorgau_app"))
                .dataSource(database.jdbcUrl("qorgau"), "qorgau", ownerPassword)
                .load();
        org.flywaydb.core.api.output.MigrateResult result = flyway.migrate();
        // a migration over a million cases (a backfill, an index) is timed here, once
        result.migrations.forEach(m -> say("  migration %s %s: %.1f s".formatted(m.version.isEmpty() ? "R" : "V" + m.version,
                m.description, m.executionTime / 1000.0)));
        return result.migrationsExecuted;
    }

    private String generationReport(Connection c, Map<String, Long> phases, long totalMs) throws SQLException {
        StringBuilder out = new StringBuilder();
        out.append("Generated %,d cases (seed %d, %d–%d) on %s in **%.0f s**:\n\n".formatted(cases, seed, lastYear - 9, lastYear,
                LocalDate.now(KAZAKHSTAN), totalMs / 1000.0));
        out.append("| phase | s |\n|---|---:|\n");
        phases.forEach((phase, ms) -> out.append("| %s | %.1f |\n".formatted(phase, ms / 1000.0)));
        out.append("\n| table | rows |\n|---|---:|\n");
        try (Statement s = c.createStatement()) {
            for (String table : List.of("person", "case_file", "incident", "consent", "protective_order",
                    "protective_order_violation", "court_mandate", "psychocorrection_course", "psychocorrection_session",
                    "service_referral", "service_delivery", "trafficking_identification")) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    out.append("| %s | %,d |\n".formatted(table, rs.getLong(1)));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select round(100.0 * count(*) filter (where citizenship <> 'KZ') / count(*), 1),
                           round(100.0 * count(*) filter (where iin is not null) / count(*), 1),
                           (select count(*) from case_file where organisation_code = 'ALM-CC')
                    from person""")) {
                rs.next();
                out.append("\nForeign citizens %s %%, persons with an IIN %s %%, cases of ALM-CC (aigerim's list) %,d; "
                        .formatted(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getLong(3)));
            }
            try (ResultSet rs = s.executeQuery(
                    "select count(*) from (select iin from person where iin is not null group by iin having count(*) > 1) x")) {
                rs.next();
                out.append("IINs on two person records (a victim known to two organisations) %,d.\n".formatted(rs.getLong(1)));
            }
            try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                out.append("Database size ").append(rs.getString(1)).append(".\n");
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- measurement

    private record Row(String operation, String user, Measurement app, String appNote, Measurement direct,
                       Measurement summary, String note) {
    }

    private List<Row> measure(Application application, Connection direct) throws Exception {
        List<String> numbers = new ArrayList<>();
        try (Statement s = direct.createStatement();
             ResultSet rs = s.executeQuery("select number from case_file where organisation_code = 'ALM-CC' order by md5(number) limit 50")) {
            while (rs.next()) {
                numbers.add(rs.getString(1));
            }
        }
        LocalDate yearStart = LocalDate.of(lastYear, 1, 1);
        LocalDate yearEnd = yearStart.plusYears(1);
        LocalDate decadeStart = yearStart.minusYears(9);
        boolean summary = exists(direct, "select 1 where to_regclass('stat_delivery') is not null");
        String citizen = exists(direct, "select 1 from information_schema.columns where table_name = 'stat_delivery' and column_name = 'citizen'")
                ? "citizen" : "coalesce(citizenship, 'KZ') = 'KZ'";
        int slow = Math.max(5, iterations * 2 / 5);

        Application.Browser browser = null;
        String noSession = null;
        try {
            browser = application.signIn("aigerim", "cases/list.xhtml");
        } catch (IOException e) {
            noSession = "no signed-in session: " + e.getMessage();
        }
        awaitTokensTaken(application, "api/v1/cases/" + numbers.get(0));
        // a freshly started JVM answers the same call several times slower than after a few hundred (JIT, pools)
        say("  warming the application up: %d look-ups, list calls and page views".formatted(serverWarmUp));
        for (int i = 0; i < serverWarmUp; i++) {
            application.api("aigerim", "api/v1/cases/" + numbers.get(i % numbers.size()));
            application.api("aigerim", "api/v1/cases?first=0&size=25");
            if (browser != null) {
                browser.page("cases/list.xhtml");
            }
        }

        try (Statement s = direct.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }

        List<Row> rows = new ArrayList<>();
        if (listsOnly) {
            measureLists(application, direct, rows, browser, noSession);
            return rows;
        }
        if (statisticsOnly) {
            measureStatistics(application, direct, rows, summary, citizen, slow);
            return rows;
        }
        if (mixedOnly) {
            measureMixed(application, direct);
            return rows;
        }
        if (importOnly) {
            measureImports(application, direct, rows);
            return rows;
        }
        if (exists(direct, "select 1 where to_regclass('case_search') is not null")) {
            measureSearch(application, direct, rows);
        }
        if (searchOnly) {
            return rows;
        }
        measureExport(application, direct, rows);
        if (exportOnly) {
            return rows;
        }
        measureImports(application, direct, rows);
        rows.add(row("Case by number, `GET /api/v1/cases/{number}`", "aigerim", iterations,
                api(application, "aigerim", i -> "api/v1/cases/" + numbers.get(i % numbers.size()),
                        (i, body) -> body.contains(numbers.get(i % numbers.size()))),
                sql(direct, Sql.CASE_BY_NUMBER, (ps, i) -> ps.setString(1, numbers.get(i % numbers.size()))), null,
                "direct: the case joined to its victim; the application also reads incidents, risk, consents, related persons and writes an audit row"));
        rows.add(row("Case list, first 25, `GET /api/v1/cases?first=0&size=25`", "aigerim", iterations,
                api(application, "aigerim", i -> "api/v1/cases?first=0&size=25", (i, body) -> body.split("\"number\"").length == 26),
                sql(direct, Sql.CASE_LIST, (ps, i) -> {
                    ps.setString(1, "ALM-CC");
                    ps.setString(2, "aigerim");
                }), null, "direct: the page query as the application sends it (organisation or assignee)"));
        rows.add(pageRow(browser, noSession, direct));
        measureStatistics(application, direct, rows, summary, citizen, slow);

        Binder worker = (ps, i) -> {
            ps.setString(1, "ALM-CC");
            ps.setString(2, "aigerim");
        };
        Binder workerTwice = (ps, i) -> {
            ps.setString(1, "ALM-CC");
            ps.setString(2, "aigerim");
            ps.setString(3, "ALM-CC");
        };
        rewrite("the social worker's list page, 25 rows", sql(direct, Sql.CASE_LIST, worker),
                sql(direct, Sql.CASE_LIST_AS_UNION, worker));
        rewrite("its count", sql(direct, Sql.CASE_COUNT, worker), sql(direct, Sql.CASE_COUNT_AS_SUM, workerTwice));
        measureLists(application, direct, rows, null, null);
        measureMixed(application, direct);
        return rows;
    }

    /**
     * List, open, search and a note by everybody at once through the API, then the same questions of PostgreSQL at the
     * same concurrency; the application's live heap after a full GC before and after.
     */
    private void measureMixed(Application application, Connection direct) throws Exception {
        List<MixedLoad.Person> people = mixedLoad.people(direct, listUsers);
        Path gcLog = var.resolve("logs/payara-gc.log");
        LiveHeap before = null;
        LiveHeap after = null;
        String problem = null;
        try {
            before = LiveHeap.afterFullGc(payaraPid);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        say("  the mixed load: %d people, %d s (live heap before: %s)".formatted(people.size(), mixedLoad.seconds(),
                before == null ? problem : "%.0f MB".formatted(before.usedMb())));
        Map<String, Long> servers = new java.util.LinkedHashMap<>();
        servers.put("application server", payaraPid);
        servers.put("Keycloak", keycloakPid);
        CpuStretch appCpu = new CpuStretch(CpuTime.processes(servers, "load generator (this JVM)"));
        // -Dbenchmark.mixedProfile=true: a Flight Recorder profile of the application server while the load runs
        Path profile = Boolean.getBoolean("benchmark.mixedProfile") ? var.resolve("logs/mixed-load.jfr").toAbsolutePath() : null;
        if (profile != null) {
            LiveHeap.jcmd(payaraPid, "JFR.start", "name=mixed", "settings=profile", "filename=" + profile);
        }
        MixedLoad.Result app = mixedLoad.throughApplication(application, people, appCpu);
        if (profile != null) {
            LiveHeap.jcmd(payaraPid, "JFR.stop", "name=mixed");
            say("  the application server's profile during the load (and its warm-up): " + home.relativize(profile));
        }
        // the measured stretch, after the warm-up
        java.time.Instant to = java.time.Instant.now();
        java.time.Instant from = to.minusMillis((long) (app.seconds() * 1000));
        long maxHeapMb = 0;
        try {
            after = LiveHeap.afterFullGc(payaraPid);
            maxHeapMb = LiveHeap.maxHeapMb(payaraPid);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        GcPauses pauses = GcPauses.between(gcLog, from, to);
        GcPauses.HeapUse during = GcPauses.heapBetween(gcLog, from, to);
        say("  the mixed load's questions directly, %d connections at once".formatted(people.size()));
        CpuStretch sqlCpu = new CpuStretch(CpuTime.processes(servers, "load generator (this JVM)"));
        MixedLoad.Result sql = mixedLoad.directly(jdbcUrl, people, sqlCpu);
        mixedReport = mixedLoad.report(app, sql, new MixedLoad.Heap(before, after, during, pauses, before == null || after == null ? problem : null),
                maxHeapMb, appCpu.described(), sqlCpu.described())
                + (profile == null ? "" : "\nThe application server ran with a Flight Recorder profile during the load (`settings=profile`): `"
                        + home.relativize(profile) + "`.\n");
        say("  %.1f requests/s, %d failed".formatted(app.perSecond(), app.tally().failures()));
    }

    /** The case list as fifty people use it at once, and its SQL before and after, for the same people. */
    private void measureLists(Application application, Connection direct, List<Row> rows, Application.Browser browser,
                              String noSession) throws Exception {
        String pageBefore = null;
        if (browser != null) {
            Row page = pageRow(browser, noSession, direct);
            rows.add(page);
        }
        say("  the case list under load: %d people signed in, %d s".formatted(listUsers.size(),
                Integer.getInteger("benchmark.listSeconds", 120)));
        try (Statement s = direct.createStatement()) {
            s.execute("select pg_stat_reset_shared('wal')");
        }
        CaseListLoad.Result load = listLoad.run(application, listUsers, Math.max(100, listUsers.size() * 3));
        GcPauses pauses = GcPauses.between(var.resolve("logs/payara-gc.log"), load.from(), load.to());
        String wal = "";
        // the application's pool opens connections as concurrency first rises: when were its connections opened?
        try (PreparedStatement ps = direct.prepareStatement("select count(*), count(*) filter (where backend_start >= ?),"
                + " count(*) filter (where backend_start >= ? and backend_start < ?) from pg_stat_activity where usename = 'qorgau_app'")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(load.from()));
            ps.setTimestamp(2, java.sql.Timestamp.from(load.from()));
            ps.setTimestamp(3, java.sql.Timestamp.from(load.from().plusSeconds(5)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                wal = "The application's pool after the load: %d connections, %d of them opened during the load, %d in its first 5 s. "
                        .formatted(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
        try (Statement s = direct.createStatement(); ResultSet rs = s.executeQuery(
                "select wal_records, wal_write, wal_sync, wal_write_time, wal_sync_time from pg_stat_wal")) {
            if (rs.next()) {
                wal += "PostgreSQL meanwhile: %,d WAL records, %,d writes (%s ms), %,d flushes (%s ms together, %s ms each on average)."
                        .formatted(rs.getLong(1), rs.getLong(2), Measurement.ms(rs.getDouble(4)), rs.getLong(3),
                                Measurement.ms(rs.getDouble(5)), Measurement.ms(rs.getDouble(5) / Math.max(1, rs.getLong(3))));
            }
        }
        say("  the case list's SQL, before and after");
        List<CaseListLoad.SqlRow> sql = listLoad.sql(direct, listUsers, warmUp, Math.max(iterations, 100));
        listReport = listLoad.report(load, sql, pageBefore, pauses, wal);
        plans.append(listLoad.plans());
    }

    /** The machine's CPU times at the beginning and the end of a measured stretch; null where there is no {@code /proc}. */
    private static final class CpuStretch implements MixedLoad.Stretch {
        private final Map<Long, String> processes;
        private CpuTime begun;
        private CpuTime ended;
        private long from;
        private long to;

        CpuStretch(Map<Long, String> processes) {
            this.processes = processes;
        }

        @Override
        public void begins() {
            from = System.nanoTime();
            begun = CpuTime.now(processes);
        }

        @Override
        public void ends() {
            to = System.nanoTime();
            ended = CpuTime.now(processes);
        }

        String described() {
            return begun == null || ended == null ? null
                    : CpuTime.describe(ended.since(begun), (to - from) / 1e9, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * "Who saw this" for many random cases of aigerim's organisation, each asked once: through the API as the service
     * runs it on the partitioned trail, and directly of the partitioned trail and of its unpartitioned copy.
     */
    private String measureWhoSaw(Application application, Connection direct) throws Exception {
        int n = Integer.getInteger("benchmark.iterations", 200);
        List<String> numbers = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (Statement s = direct.createStatement();
             ResultSet rs = s.executeQuery("select id, number from case_file where organisation_code = 'ALM-CC'"
                     + " order by md5(number || 'who saw') limit " + (3 * (warmUp + n)))) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                numbers.add(rs.getString(2));
            }
        }
        long trail;
        try (Statement s = direct.createStatement(); ResultSet rs = s.executeQuery("select count(*) from benchgen.audit_flat")) {
            rs.next();
            trail = rs.getLong(1);
        }
        awaitTokensTaken(application, "api/v1/cases/" + numbers.get(0) + "/audit");
        say("  warming the application up: %d calls of \"who saw this\"".formatted(Math.min(serverWarmUp, 100)));
        for (int i = 0; i < Math.min(serverWarmUp, 100); i++) {
            application.api("aigerim", "api/v1/cases/" + numbers.get(i % numbers.size()) + "/audit");
        }
        try (Statement s = direct.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
        long[] returned = new long[1];
        Binder partitionedCase = (ps, i) -> ps.setLong(1, ids.get(i % ids.size()));
        Binder laterCase = (ps, i) -> ps.setLong(1, ids.get((i + warmUp + n) % ids.size()));
        Binder lastCases = (ps, i) -> ps.setLong(1, ids.get((i + 2 * (warmUp + n)) % ids.size()));
        say("  who saw this, through the API");
        Measurement app = Measurement.of(api(application, "aigerim", i -> "api/v1/cases/" + numbers.get(i % numbers.size()) + "/audit",
                (i, body) -> body.contains("\"items\":[")), warmUp, n);
        say("  who saw this, directly: partitioned, then unpartitioned");
        Measurement partitioned = Measurement.of(sql(direct, AuditTrail.WHO_SAW, laterCase), warmUp, n);
        Measurement flat = Measurement.of(sql(direct, AuditTrail.WHO_SAW_UNPARTITIONED, lastCases), warmUp, n);
        // the same cases again, now that their pages were read once: the difference is what the cache gives
        Measurement partitionedAgain = Measurement.of(sql(direct, AuditTrail.WHO_SAW, laterCase), warmUp, n);
        Measurement flatAgain = Measurement.of(sql(direct, AuditTrail.WHO_SAW_UNPARTITIONED, lastCases), warmUp, n);
        try (PreparedStatement ps = direct.prepareStatement("select count(*) from audit_event where case_file_id = ?")) {
            for (int i = 0; i < n; i++) {
                partitionedCase.bind(ps, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    returned[0] += Math.min(200, rs.getLong(1));
                }
            }
        }
        explain(direct, AuditTrail.WHO_SAW, partitionedCase, 0);
        explain(direct, AuditTrail.WHO_SAW_UNPARTITIONED, partitionedCase, 0);

        StringBuilder out = new StringBuilder();
        out.append(("Measured %s with %,d audit rows over %,d cases; \"who saw this\" (the case's newest 200 rows, %.0f on"
                + " average) for %d random cases of ALM-CC, each asked once per line after %d warm-up calls; times in ms.\n\n")
                .formatted(LocalDate.now(KAZAKHSTAN), trail, cases, returned[0] / (double) n, n, warmUp));
        out.append("| who saw this | layout | p50 | p95 |\n|---|---|---:|---:|\n");
        out.append("| `GET /api/v1/cases/{number}/audit` as aigerim (the service's query, token check, JSON) | by month (V22) | %s | %s |\n"
                .formatted(Measurement.ms(app.p50()), Measurement.ms(app.p95())));
        out.append("| the service's SQL, direct, cases not read before | by month (V22) | %s | %s |\n"
                .formatted(Measurement.ms(partitioned.p50()), Measurement.ms(partitioned.p95())));
        out.append("| the same SQL, direct, cases not read before | one table (V6 layout, baseline) | %s | %s |\n"
                .formatted(Measurement.ms(flat.p50()), Measurement.ms(flat.p95())));
        out.append("| the service's SQL, direct, cases read once before | by month (V22) | %s | %s |\n"
                .formatted(Measurement.ms(partitionedAgain.p50()), Measurement.ms(partitionedAgain.p95())));
        out.append("| the same SQL, direct, cases read once before | one table (V6 layout, baseline) | %s | %s |\n"
                .formatted(Measurement.ms(flatAgain.p50()), Measurement.ms(flatAgain.p95())));
        return out.toString();
    }

    /** The same answer from SQL written another way: what a change to the application's query would gain. */
    private void rewrite(String question, Measurement.Call asSent, Measurement.Call rewritten) throws Exception {
        Measurement now = Measurement.of(asSent, warmUp, iterations);
        Measurement then = Measurement.of(rewritten, warmUp, iterations);
        rewrites.add("| %s | %s | %s |".formatted(question, Measurement.ms(now.p50()), Measurement.ms(then.p50())));
    }

    private Row pageRow(Application.Browser browser, String noSession, Connection direct) throws Exception {
        Measurement.Call list = sql(direct, Sql.CASE_LIST, (ps, i) -> {
            ps.setString(1, "ALM-CC");
            ps.setString(2, "aigerim");
        });
        Measurement.Call count = sql(direct, Sql.CASE_COUNT, (ps, i) -> {
            ps.setString(1, "ALM-CC");
            ps.setString(2, "aigerim");
        });
        Measurement.Call page = browser == null
                ? i -> {
                    throw new Measurement.NotAvailable(noSession);
                }
                : i -> {
                    HttpResponse<String> response = browser.page("cases/list.xhtml");
                    if (response.statusCode() != 200) {
                        throw new Measurement.NotAvailable("page answered " + response.statusCode());
                    }
                    if (!response.body().contains("ALM-20")) {
                        throw new Measurement.NotAvailable("the page showed no case of Almaty");
                    }
                };
        return row("Case list page, `/cases/list.xhtml` (signed in, 25 rows and paginator)", "aigerim", iterations, page,
                i -> {
                    list.run(i);
                    count.run(i);
                }, null, "direct: the page query and its count");
    }

    /**
     * The search box, as a social worker of the largest organisation uses it: names of her own victims typed in
     * Cyrillic and in Latin letters (family and given name, in either order), a case number, an IIN. Direct: the
     * query the application sends for the whole words, with its parameters.
     */
    private void measureSearch(Application application, Connection direct, List<Row> rows) throws Exception {
        List<String[]> people = new ArrayList<>();
        try (Statement s = direct.createStatement(); ResultSet rs = s.executeQuery("""
                select v.family_name, v.given_name, search_skeleton(v.family_name), search_skeleton(v.given_name), v.iin, c.number
                from case_file c join person v on v.id = c.victim_id
                where c.organisation_code = 'ALM-CC' and v.iin is not null order by md5(c.number) limit 50""")) {
            while (rs.next()) {
                people.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
            }
        }
        if (people.isEmpty()) {
            return;
        }
        IntFunction<String[]> person = i -> people.get(i % people.size());
        // every kind of search warmed up, in the server and in the client's own code, until the JIT has compiled
        // their paths: after a hundred rounds a number still took 6 ms p50 here, after thousands of calls 1.6 ms
        say("  warming the search up: %d rounds of each kind".formatted(serverWarmUp * 3));
        for (int i = 0; i < serverWarmUp * 3; i++) {
            application.quick("aigerim", "api/v1/search", search(person.apply(i)[0] + " " + person.apply(i)[1]));
            application.quick("aigerim", "api/v1/search", search(person.apply(i)[3] + " " + person.apply(i)[2]));
            application.quick("aigerim", "api/v1/search", search(person.apply(i + 1)[5]));
            application.quick("aigerim", "api/v1/search", search(person.apply(i + 1)[4]));
            application.quick("aigerim", "api/v1/problems", null);
            application.quick(null, "health/live", null);
        }
        // the application's own statement for her partition; only the keys vary, so they alone stay a parameter
        String byKeys = firstParameterOnly(kz.qorgau.search.NameSearchSql.byKeys(
                new kz.qorgau.casefile.CaseScope(kz.qorgau.casefile.CaseScope.Partition.ORGANISATION, "ALM-CC", "aigerim"),
                "", null, 20));
        long slots = byKeys.chars().filter(ch -> ch == '?').count(); // ?1 stands in each branch
        java.util.function.BiFunction<Integer, Integer, Binder> words = (family, given) -> (ps, i) -> {
            for (int k = 1; k <= slots; k++) {
                ps.setString(k, "=" + person.apply(i)[family] + " =" + person.apply(i)[given]);
            }
        };
        rows.add(row("Search by name in Cyrillic, `POST /api/v1/search` (family and given name)", "aigerim", iterations,
                post(application, "aigerim", i -> search(person.apply(i)[0] + " " + person.apply(i)[1]),
                        (i, body) -> body.contains(person.apply(i)[5]) || body.split("caseNumber").length > 20),
                sql(direct, byKeys, words.apply(2, 3)), null, "target p95 ≤ 40 ms; direct: the whole-word query the application sends first"));
        rows.add(row("Search by name in Latin letters, given name first", "aigerim", iterations,
                post(application, "aigerim", i -> search(person.apply(i)[3] + " " + person.apply(i)[2]), Benchmark::json),
                sql(direct, byKeys, words.apply(3, 2)), null, "target p95 ≤ 40 ms"));
        rows.add(row("Search by case number", "aigerim", iterations,
                post(application, "aigerim", i -> search(person.apply(i)[5]), (i, body) -> body.contains(person.apply(i)[5])),
                sql(direct, Sql.CASE_BY_NUMBER, (ps, i) -> ps.setString(1, person.apply(i)[5])), null, "target p95 ≤ 5 ms"));
        rows.add(row("Search by IIN", "aigerim", iterations,
                post(application, "aigerim", i -> search(person.apply(i)[4]), (i, body) -> body.contains(person.apply(i)[5])),
                sql(direct, "select c.number from case_file c join person v on v.id = c.victim_id where v.iin = ? "
                        + "and (c.organisation_code = 'ALM-CC' or c.assigned_to = 'aigerim')", (ps, i) -> ps.setString(1, person.apply(i)[4])),
                null, "target p95 ≤ 5 ms"));
        // where a number's time goes: the same server answering without the database, with and without a token
        rows.add(row("— the same server's health check, `GET /health/live` (no token, no database)", "—", iterations,
                get(application, null, "health/live"), sql(direct, "select 1", (ps, i) -> { }), null,
                "the floor of one HTTP call; direct: one PostgreSQL round trip"));
        rows.add(row("— the problem types, `GET /api/v1/problems` with her token (its check, no database)", "aigerim",
                iterations, get(application, "aigerim", "api/v1/problems"), sql(direct, "select 1", (ps, i) -> { }), null,
                "the floor of an API call with a token"));
    }

    private static Measurement.Call get(Application application, String user, String path) {
        return i -> {
            Application.Answer response = application.quick(user, path, null);
            if (response.statusCode() != 200) {
                throw new Measurement.NotAvailable(path + " answered " + response.statusCode());
            }
        };
    }

    /** A statement's {@code ?1} as JDBC's parameters (one per place), its other (fixed) values written in as literals. */
    static String firstParameterOnly(kz.qorgau.casefile.CaseListSql.Statement statement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(statement.sql());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String value = n == 1 ? "?" : "'" + statement.parameters().get(n - 1).toString().replace("'", "''") + "'";
            m.appendReplacement(sql, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(sql).toString();
    }

    private static String search(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static Measurement.Call post(Application application, String user, IntFunction<String> body, Check check) {
        return i -> {
            Application.Answer response = application.quick(user, "api/v1/search", body.apply(i));
            if (response.statusCode() != 200) {
                throw new Measurement.NotAvailable("search answered " + response.statusCode());
            }
            if (!check.holds(i, response.body())) {
                throw new Measurement.NotAvailable("the search did not find the case it was given");
            }
        };
    }

    /** The API takes tokens once the application has the realm's keys (it may have started before Keycloak). */
    private static void awaitTokensTaken(Application application, String path) throws Exception {
        for (long until = System.nanoTime() + 120_000_000_000L; System.nanoTime() < until; Thread.sleep(2000)) {
            if (application.api("aigerim", path).statusCode() == 200) {
                return;
            }
        }
    }

    /**
     * The case list of Almaty's supervisor (the largest region) as CSV through the API, streamed and counted, against
     * PostgreSQL's own COPY of the same rows and columns to nowhere, in the same run.
     */
    private void measureExport(Application application, Connection direct, List<Row> rows) throws Exception {
        long[] lines = {0};
        Measurement.Call viaApi = i -> lines[0] = application.lines("nurlan", "api/v1/cases/export", "text/csv");
        String copy = "copy (select c.number, v.family_name, v.given_name, c.region_code, c.kind, c.status, c.opened_at,"
                + " c.assigned_to, c.risk_level from case_file c join person v on v.id = c.victim_id where c.region_code = 'ALM')"
                + " to stdout (format csv)";
        long[] copied = {0};
        Measurement.Call viaCopy = i -> copied[0] = direct.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                .copyOut(copy, java.io.OutputStream.nullOutputStream());
        Row row = row("Case list export, CSV, `GET /api/v1/cases/export` (Almaty's supervisor, every case of the region)",
                "nurlan", 5, viaApi, viaCopy, null, null);
        double appSeconds = row.app() == null ? 0 : row.app().p50() / 1000;
        double copySeconds = row.direct().p50() / 1000;
        long exported = Math.max(0, lines[0] - 1);
        rows.add(new Row(row.operation(), row.user(), row.app(), row.appNote(), row.direct(), null,
                "%,d rows: %,.0f rows/s through the application, %,.0f rows/s by COPY".formatted(exported,
                        appSeconds == 0 ? 0 : exported / appSeconds, copySeconds == 0 ? 0 : copied[0] / copySeconds)));
    }

    /** The import of the template's full rows, then of light ones (a victim, a case and an incident each). */
    private void measureImports(Application application, Connection direct, List<Row> rows) throws Exception {
        measureImport(application, direct, rows, true);
        measureImport(application, direct, rows, false);
    }

    /**
     * A file of {@code benchmark.importRows} (100,000) made-up rows imported through the API by Almaty's social worker,
     * from upload to the job's end, once; beside it COPY of the same file into a table. The live heap after a full GC
     * before and after, and the most it held meanwhile (GC log). The imported cases are removed afterwards.
     */
    private void measureImport(Application application, Connection direct, List<Row> rows, boolean full) throws Exception {
        int n = Integer.getInteger("benchmark.importRows", 100_000);
        String run = LocalDateTime.now(KAZAKHSTAN).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        Path file = ImportLoad.file(var, n, run, full);
        say("  import of %,d rows%s (%,d bytes)".formatted(n, full ? "" : " of a victim, a case and an incident only",
                Files.size(file)));
        LiveHeap before = LiveHeap.afterFullGc(payaraPid);
        // -Dbenchmark.importProfile=true: a Flight Recorder profile of the application server during the import, and
        // the statements run inside functions and triggers counted too (pg_stat_statements.track = all)
        Path profile = Boolean.getBoolean("benchmark.importProfile") ? var.resolve("logs/import.jfr").toAbsolutePath() : null;
        if (profile != null) {
            trackNestedStatements(direct, "all");
            LiveHeap.jcmd(payaraPid, "JFR.start", "name=import", "settings=profile", "filename=" + profile);
        }
        java.time.Instant from = java.time.Instant.now();
        Object[] result = ImportLoad.viaApi(application, "aigerim", file);
        java.time.Instant to = java.time.Instant.now();
        if (profile != null) {
            LiveHeap.jcmd(payaraPid, "JFR.stop", "name=import");
            trackNestedStatements(direct, "top");
            say("  the application server's profile during the import: " + home.relativize(profile));
            // the triggers' statements run as the functions' owner (security definer): every role's, then
            importReport = statements(direct, "Every role's SQL during the import, statements within functions and triggers"
                    + " included (pg_stat_statements.track = all, by total time)", "true", 20)
                    + "\nThe application server ran with a Flight Recorder profile during the import (`settings=profile`): `"
                    + home.relativize(profile) + "`.\n";
        }
        LiveHeap after = LiveHeap.afterFullGc(payaraPid);
        GcPauses.HeapUse during = GcPauses.heapBetween(var.resolve("logs/payara-gc.log"), from, to);
        double seconds = (double) result[0];
        String job = (String) result[1];
        double copy = ImportLoad.viaCopy(direct, file);
        ImportLoad.remove(direct, (long) result[2]);
        Files.delete(file);
        boolean done = job.contains("\"status\":\"DONE\"") && job.contains("\"rowsImported\":" + n + ",");
        rows.add(new Row("Import of %,d rows%s, CSV, `POST /api/v1/cases/import?mode=ALL` and its job to the end (check, then write)"
                .formatted(n, full ? " (each with an order and a referral with a delivery)" : " (a victim, a case and an incident each)"),
                "aigerim", Measurement.ofNanos(List.of((long) (seconds * 1e9))), null,
                Measurement.ofNanos(List.of((long) (copy * 1e9))), null,
                "%s: %,.0f rows/s through the application (target ≥ 5,000), %,.0f rows/s by COPY into a table; live heap after a full GC %.0f MB before, %.0f MB after%s"
                        .formatted(done ? "all written" : "NOT all written: " + job.substring(0, Math.min(job.length(), 300)),
                                n / seconds, n / copy, before.usedMb(), after.usedMb(),
                                during == null ? "" : "; during it " + during.describe())));
    }

    private static void trackNestedStatements(Connection direct, String track) throws SQLException {
        try (Statement s = direct.createStatement()) {
            s.execute("alter system set pg_stat_statements.track = '" + track + "'");
            s.execute("select pg_reload_conf()");
        }
    }

    private Row row(String operation, String user, int n, Measurement.Call app, Measurement.Call direct,
                    Measurement.Call summary, String note) throws Exception {
        say("  " + operation.replace("`", ""));
        Measurement appTimes = null;
        String appNote = null;
        try {
            appTimes = Measurement.of(app, warmUp, n);
        } catch (Measurement.NotAvailable e) {
            appNote = "n/a (" + e.getMessage() + ")";
        }
        Measurement directTimes = Measurement.of(direct, warmUp, n);
        Measurement summaryTimes = null;
        if (summary != null) {
            try {
                summaryTimes = Measurement.of(summary, warmUp, n);
            } catch (SQLException e) {
                note = (note == null ? "" : note + "; ") + "summary query failed: " + e.getMessage();
            }
        }
        return new Row(operation, user, appTimes, appNote, directTimes, summaryTimes, note);
    }

    private interface Binder {
        void bind(PreparedStatement ps, int iteration) throws SQLException;
    }

    /** The statistics reports through the API (the analyst nationally, Almaty's supervisor), each beside its SQL. */
    private void measureStatistics(Application application, Connection direct, List<Row> rows, boolean summary, String citizen,
                                   int slow) throws Exception {
        LocalDate yearStart = LocalDate.of(lastYear, 1, 1);
        LocalDate yearEnd = yearStart.plusYears(1);
        LocalDate decadeStart = yearStart.minusYears(9);
        rows.add(row("Victims assisted, one year, national, region × age group × citizenship × sex", "asel", iterations,
                api(application, "asel", i -> "api/v1/statistics/VICTIMS_ASSISTED?period=YEAR&year=" + lastYear
                        + "&rows=REGION,AGE_GROUP,CITIZENSHIP&columns=SEX&publication=true", Benchmark::json),
                sql(direct, Sql.VICTIMS_BY_REGION_AGE_CITIZENSHIP_SEX, dates(yearStart, yearEnd)),
                summary ? sql(direct, Sql.summaryVictimsByRegionAgeCitizenshipSex(citizen), dates(yearStart, yearEnd)) : null,
                "target ≤ 250 ms"));
        rows.add(row("Victims assisted, ten years side by side, national by region", "asel", slow,
                api(application, "asel", i -> "api/v1/statistics/VICTIMS_ASSISTED?period=YEAR&year=" + lastYear
                        + "&years=10&rows=REGION&publication=true", Benchmark::json),
                sql(direct, Sql.VICTIMS_BY_YEAR_AND_REGION, dates(decadeStart, yearEnd)),
                summary ? sql(direct, Sql.SUMMARY_VICTIMS_BY_YEAR_AND_REGION, dates(decadeStart, yearEnd)) : null,
                "target ≤ 2 s"));
        rows.add(row("Victims assisted, one year, Almaty, organisation × service type", "nurlan", iterations,
                api(application, "nurlan", i -> "api/v1/statistics/VICTIMS_ASSISTED?period=YEAR&year=" + lastYear
                        + "&region=ALM&rows=ORGANISATION&columns=SERVICE_TYPE", Benchmark::json),
                sql(direct, Sql.REGION_VICTIMS_BY_ORGANISATION_AND_SERVICE, regionDates("ALM", yearStart, yearEnd)),
                summary ? sql(direct, Sql.SUMMARY_REGION_VICTIMS_BY_ORGANISATION_AND_SERVICE, regionDates("ALM", yearStart, yearEnd)) : null,
                "target ≤ 100 ms"));
        rows.add(row("Protective orders issued, one year, national by region", "asel", iterations,
                api(application, "asel", i -> "api/v1/statistics/ORDERS_ISSUED?period=YEAR&year=" + lastYear + "&rows=REGION&publication=true",
                        Benchmark::json),
                sql(direct, Sql.ORDERS_BY_REGION, dates(yearStart, yearEnd)), null, null));
        rows.add(row("Protective orders issued, one year, national, region × age group × citizenship × sex", "asel", iterations,
                api(application, "asel", i -> "api/v1/statistics/ORDERS_ISSUED?period=YEAR&year=" + lastYear
                        + "&rows=REGION,AGE_GROUP,CITIZENSHIP&columns=SEX&publication=true", Benchmark::json),
                sql(direct, Sql.ORDERS_BY_REGION_AGE_CITIZENSHIP_SEX, dates(yearStart, yearEnd)), null, "target ≤ 250 ms"));
        rows.add(row("New cases, one year, national, region × age group × citizenship × sex", "asel", iterations,
                api(application, "asel", i -> "api/v1/statistics/NEW_CASES?period=YEAR&year=" + lastYear
                        + "&rows=REGION,AGE_GROUP,CITIZENSHIP&columns=SEX&publication=true", Benchmark::json),
                sql(direct, Sql.CASES_BY_REGION_AGE_CITIZENSHIP_SEX, dates(yearStart, yearEnd)), null, "target ≤ 250 ms"));
        rows.add(row("Victims newly registered, one year, national, region × age group × citizenship × sex", "asel", slow,
                api(application, "asel", i -> "api/v1/statistics/VICTIMS_REGISTERED?period=YEAR&year=" + lastYear
                        + "&rows=REGION,AGE_GROUP,CITIZENSHIP&columns=SEX&publication=true", Benchmark::json),
                sql(direct, Sql.REGISTERED_BY_REGION_AGE_CITIZENSHIP_SEX, dates(yearStart, yearEnd)), null, "target ≤ 250 ms"));
        rows.add(row("Victims assisted, one year, Almaty, organisation × age group × citizenship × sex", "nurlan", iterations,
                api(application, "nurlan", i -> "api/v1/statistics/VICTIMS_ASSISTED?period=YEAR&year=" + lastYear
                        + "&region=ALM&rows=ORGANISATION,AGE_GROUP,CITIZENSHIP&columns=SEX", Benchmark::json),
                sql(direct, Sql.REGION_VICTIMS_BY_ORGANISATION_AGE_CITIZENSHIP_SEX, regionDates("ALM", yearStart, yearEnd)), null,
                "target ≤ 100 ms"));
    }

    private static Binder dates(LocalDate from, LocalDate to) {
        return (ps, i) -> {
            ps.setObject(1, from);
            ps.setObject(2, to);
        };
    }

    private static Binder regionDates(String region, LocalDate from, LocalDate to) {
        return (ps, i) -> {
            ps.setString(1, region);
            ps.setObject(2, from);
            ps.setObject(3, to);
        };
    }

    /** What an answer must look like to count: a fast wrong answer (an empty list, an error page) is no measurement. */
    private interface Check {
        boolean holds(int iteration, String body);
    }

    private static boolean json(int iteration, String body) {
        return body.startsWith("{") || body.startsWith("[");
    }

    private static Measurement.Call api(Application application, String user, IntFunction<String> path, Check check) {
        return i -> {
            HttpResponse<String> response = application.api(user, path.apply(i));
            if (response.statusCode() != 200) {
                throw new Measurement.NotAvailable("endpoint answered " + response.statusCode());
            }
            if (!check.holds(i, response.body())) {
                throw new Measurement.NotAvailable("unexpected answer from " + path.apply(i));
            }
        };
    }

    /** Runs the query to its last row; after measuring, a slow one is explained once into the results file. */
    private Measurement.Call sql(Connection c, String sql, Binder binder) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        return new Measurement.Call() {
            private int calls;
            private long slowest;

            @Override
            public void run(int iteration) throws Exception {
                long started = System.nanoTime();
                binder.bind(ps, iteration);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                slowest = Math.max(slowest, System.nanoTime() - started);
                if (++calls == warmUp + 1 && slowest > 20_000_000L) {
                    explain(c, sql, binder, iteration);
                }
            }
        };
    }

    private void explain(Connection c, String sql, Binder binder, int iteration) throws SQLException {
        if (!explained.add(sql)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            binder.bind(ps, iteration);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            plans.append("```sql\n").append(sql.strip()).append("\n```\n```\n").append(plan).append("```\n\n");
        }
    }

    /** The application's statements that took the most time while it was measured (its own role's, by total time). */
    private static String applicationSql(Connection c) throws SQLException {
        return statements(c, "The application's SQL while it was measured (pg_stat_statements, role qorgau_app, by total time)",
                "r.rolname = 'qorgau_app'", 8);
    }

    private static String statements(Connection c, String title, String condition, int limit) throws SQLException {
        StringBuilder out = new StringBuilder("""

                %s:

                | calls | mean ms | max ms | total s | statement |
                |---:|---:|---:|---:|---|
                """.formatted(title));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select calls, mean_exec_time, total_exec_time / 1000, left(regexp_replace(query, '\\s+', ' ', 'g'), 150), max_exec_time
                from pg_stat_statements st join pg_roles r on r.oid = st.userid
                where %s order by total_exec_time desc limit %d""".formatted(condition, limit))) {
            while (rs.next()) {
                out.append("| %,d | %s | %s | %.1f | `%s` |\n".formatted(rs.getLong(1), Measurement.ms(rs.getDouble(2)),
                        Measurement.ms(rs.getDouble(5)), rs.getDouble(3),
                        rs.getString(4).replace("|", "\\|").replace("`", "'")));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- report

    private String report(String machine, String generation, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("\n\n");
        out.append(generation).append('\n');
        boolean summary = rows.stream().anyMatch(r -> r.summary() != null);
        if (rows.isEmpty()) {
            return out.append("Measured %s with %,d cases.\n".formatted(LocalDate.now(KAZAKHSTAN), cases)).toString();
        }
        out.append(("Measured %s with %,d cases, one client at a time, after %d warm-up rounds of the look-up, list and page;"
                + " per operation %d warm-up calls, then %d measured (the ten-year report %d); times in ms.\n\n")
                .formatted(LocalDate.now(KAZAKHSTAN), cases, serverWarmUp, warmUp, iterations, Math.max(5, iterations * 2 / 5)));
        out.append("| operation | user | p50 | p95 | direct p50 | ratio |").append(summary ? " direct over summary p50 |" : "")
                .append(" note |\n");
        out.append("|---|---|---:|---:|---:|---:|").append(summary ? "---:|" : "").append("---|\n");
        for (Row row : rows) {
            String p50 = row.app() == null ? row.appNote() : Measurement.ms(row.app().p50());
            String p95 = row.app() == null ? "" : Measurement.ms(row.app().p95());
            double best = row.summary() == null ? row.direct().p50() : Math.min(row.direct().p50(), row.summary().p50());
            String ratio = row.app() == null ? "" : String.format(Locale.ROOT, "%.1f×", row.app().p50() / best);
            out.append("| ").append(row.operation()).append(" | ").append(row.user()).append(" | ").append(p50)
                    .append(" | ").append(p95).append(" | ").append(Measurement.ms(row.direct().p50())).append(" | ")
                    .append(ratio).append(" |");
            if (summary) {
                out.append(' ').append(row.summary() == null ? "" : Measurement.ms(row.summary().p50())).append(" |");
            }
            out.append(' ').append(row.note() == null ? "" : row.note()).append(" |\n");
        }
        out.append("\nratio = p50 through the application ÷ the faster direct p50");
        out.append(summary ? " (raw tables or summary).\n" : ".\n");
        if (!rewrites.isEmpty()) {
            out.append("\nThe same answers from SQL written otherwise (direct p50, ms): `(organisation = ? or assigned_to = ?)`"
                    + " as the application sends it, and as a union of the two index paths.\n\n");
            out.append("| question | as sent | as a union |\n|---|---:|---:|\n");
            rewrites.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private String machine(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return Machine.describe() + ", PostgreSQL " + rs.getString(1)
                    + " (embedded; shared_buffers 2GB, work_mem 32MB)";
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Connection connect(String database) throws SQLException {
        // the embedded cluster trusts local connections of its superuser; the bulk load needs one
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + DATABASE_PORT + "/" + database, "postgres", "");
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return exists(s, sql);
        }
    }

    private <T extends AutoCloseable> T keep(T service) {
        running.push(service);
        return service;
    }

    private synchronized void stopAll() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                say("while stopping: " + e.getMessage());
            }
        }
    }


    private static void say(String line) {
        System.out.println("[benchmark] " + line);
    }
}
