package kz.qorgau.infra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's audit trail (mode {@code audit}): N rows spread evenly over the months from January of the first
 * year to now, written set-based into the partitioned {@code audit_event} as the application's migrations made it,
 * each row a read, change, creation or export of a case drawn at random among all cases (the worst case for
 * partitioning: every case has rows in nearly every month). Beside it, the same rows in one plain table with the index
 * the trail had before it was partitioned (V6), for the baseline. Kept in the benchmark database and reused.
 */
final class AuditTrail {

    /** Rows written per statement: progress to watch, and a failure costs one chunk, not the whole load. */
    private static final long CHUNK = 5_000_000L;

    /** "Who saw this" exactly as {@code kz.qorgau.audit.AuditTrail.ofCase} sends it, with the service's limit. */
    static final String WHO_SAW = """
            select occurred_at, username, roles, organisation_code, action, record_type, detail, client_address
            from audit_event where case_file_id = ? order by occurred_at desc, id desc limit 200""";

    /** The same question of the unpartitioned copy. */
    static final String WHO_SAW_UNPARTITIONED = WHO_SAW.replace("from audit_event", "from benchgen.audit_flat");

    private final long rows;
    private final long seed;
    private final int firstYear;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    AuditTrail(long rows, long seed, int firstYear) {
        this.rows = rows;
        this.seed = seed;
        this.firstYear = firstYear;
    }

    /**
     * The generation report of these rows: from an earlier run when it made them, else made now. A run stopped half
     * way resumes: rows already loaded and indexed are kept, and only what is missing is done.
     */
    String prepare(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists benchgen.audit_generated (rows bigint, seed bigint, first_year int, report text,"
                    + " finished_at timestamptz)");
            try (ResultSet rs = s.executeQuery("select report from benchgen.audit_generated where rows = " + rows
                    + " and seed = " + seed + " and first_year = " + firstYear)) {
                if (rs.next()) {
                    say("Reusing the audit trail generated earlier with these parameters");
                    return rs.getString(1);
                }
            }
            if (exists(s, "select 1 from benchgen.audit_generated")) {
                throw new IllegalStateException("This benchmark database holds an audit trail generated with other parameters;"
                        + " run with -Dbenchmark.regenerate=true to start afresh");
            }
            long started = System.nanoTime();
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '1GB'");
            s.execute("set max_parallel_maintenance_workers = 2");
            long loaded = count(s, "select count(*) from audit_event where username like 'worker-%'");
            if (loaded == 0) {
                generate(c, s);
            } else if (loaded != rows || !exists(s, "select 1 from pg_indexes where indexname = 'audit_event_user'")) {
                throw new IllegalStateException("The audit trail holds %,d generated rows, not %,d: run with -Dbenchmark.regenerate=true"
                        .formatted(loaded, rows));
            } else {
                say("Resuming: the %,d audit rows are loaded and indexed".formatted(loaded));
                phases.put("rows, key and indexes: loaded by an earlier run", 0L);
            }
            // the layout before V22: one table with V6's index on (case_file_id, occurred_at). Unlogged, and with the
            // write-ahead log kept small meanwhile: the copy needs disk, not durability
            phase("unpartitioned copy", () -> {
                s.execute("drop table if exists benchgen.audit_flat");
                s.execute("alter system set max_wal_size = '1GB'");
                s.execute("select pg_reload_conf()");
                s.execute("checkpoint");
                try {
                    s.execute("create unlogged table benchgen.audit_flat as select * from audit_event");
                    s.execute("create index audit_flat_case_file on benchgen.audit_flat (case_file_id, occurred_at)"
                            + " where case_file_id is not null");
                } finally {
                    s.execute("alter system set max_wal_size = '8GB'");
                    s.execute("select pg_reload_conf()");
                }
            });
            phase("vacuum analyze", () -> {
                s.execute("vacuum (analyze) audit_event");
                s.execute("vacuum (analyze) benchgen.audit_flat");
                s.execute("checkpoint");
            });
            String report = report(s, (System.nanoTime() - started) / 1_000_000);
            try (PreparedStatement ps = c.prepareStatement("insert into benchgen.audit_generated values (?, ?, ?, ?, now())")) {
                ps.setLong(1, rows);
                ps.setLong(2, seed);
                ps.setInt(3, firstYear);
                ps.setString(4, report);
                ps.executeUpdate();
            }
            return report;
        }
    }

    /** The rows, into the partitioned trail with its key and indexes dropped meanwhile and then built as V22 made them. */
    private void generate(Connection c, Statement s) throws SQLException {
        say("Generating %,d audit rows from %d-01 to now ...".formatted(rows, firstYear));
        // as the schema owner, as the application's own function would make them
        phase("partitions", () -> {
            s.execute("set role qorgau");
            s.execute("select audit_event_add_partitions(date '" + firstYear + "-01-01', current_date + 366)");
            s.execute("reset role");
        });
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select indexdef from pg_indexes where schemaname = current_schema()"
                + " and tablename = 'audit_event' and indexname <> 'audit_event_pkey' order by indexname")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        phase("indexes dropped for the load", () -> {
            s.execute("alter table audit_event drop constraint audit_event_pkey");
            for (String index : indexes) {
                s.execute("drop index " + index.replaceAll("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
        });
        load(c);
        phase("primary key", () -> s.execute("alter table audit_event add primary key (id, occurred_at)"));
        phase("indexes", () -> {
            for (String index : indexes) {
                s.execute(index.replace(" ON ONLY ", " ON ")); // on every partition, not the parent alone
            }
        });
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A copy for the baseline left unfinished by a run that was stopped: dropped before anything reads it. */
    static void discardUnfinished(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (exists(s, "select 1 where to_regclass('benchgen.audit_flat') is not null")
                    && !exists(s, "select 1 where to_regclass('benchgen.audit_generated') is not null"
                    + " and exists (select 1 from benchgen.audit_generated)")) {
                s.execute("drop table benchgen.audit_flat");
            }
        }
    }

    /** Row n of N happens at the n-th step from January of the first year to now, to a case drawn by a hash of n. */
    private void load(Connection c) throws SQLException {
        long from = LocalDate.of(firstYear, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.ofHours(5));
        double step = (System.currentTimeMillis() / 1000.0 - from) / rows;
        long maxCase;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(id) from case_file")) {
            rs.next();
            maxCase = rs.getLong(1);
        }
        String insert = """
                insert into audit_event (occurred_at, username, roles, organisation_code, action, record_type, record_id,
                                         case_file_id, detail, client_address)
                select to_timestamp(%d + (n - 1) * %s::float8),
                       'worker-' || (h %% 4000),
                       case when h %% 10 = 0 then 'supervisor' else 'social-worker' end,
                       (array['ALM-CC', 'ALM-FSC', 'ALM-SPD', 'AST-CC', 'SHY-CC', 'KAR-CC'])[1 + ((h / 7) %% 6)::int],
                       case when h %% 100 < 85 then 'READ' when h %% 100 < 95 then 'CHANGE'
                            when h %% 100 < 98 then 'CREATE' else 'EXPORT' end,
                       case (h / 11) %% 7 when 0 then 'SafetyPlan' when 1 then 'CaseNote' when 2 then 'PersonSecret' else 'CaseFile' end,
                       k, k, null, '10.' || (h / 13) %% 250 || '.' || (h / 17) %% 250 || '.' || (h / 19) %% 250
                from (select n, 1 + abs(hashint8extended(n, %d)) %% %d as k, abs(hashint8extended(n, %d)) as h
                      from generate_series(?, ?) n) g""".formatted(from, Double.toString(step), seed, maxCase, seed + 1);
        long started = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (long first = 1; first <= rows; first += CHUNK) {
                long last = Math.min(rows, first + CHUNK - 1);
                ps.setLong(1, first);
                ps.setLong(2, last);
                ps.executeUpdate();
                double seconds = (System.nanoTime() - started) / 1e9;
                say("  %,d of %,d rows (%.0f s, %,.0f rows/s)".formatted(last, rows, seconds, last / seconds));
            }
        }
        phases.put("rows", (System.nanoTime() - started) / 1_000_000);
    }

    private String report(Statement s, long totalMs) throws SQLException {
        StringBuilder out = new StringBuilder("Generated %,d audit rows (seed %d, %d-01 to %s) in **%.0f s**:\n\n"
                .formatted(rows, seed, firstYear, LocalDate.now(Benchmark.KAZAKHSTAN), totalMs / 1000.0));
        out.append("| phase | s |\n|---|---:|\n");
        phases.forEach((phase, ms) -> out.append("| %s | %.1f |\n".formatted(phase, ms / 1000.0)));
        try (ResultSet rs = s.executeQuery("""
                select (select count(*) from pg_inherits where inhparent = 'audit_event'::regclass),
                       (select count(*) from benchgen.audit_flat),
                       pg_size_pretty((select sum(pg_total_relation_size(inhrelid)) from pg_inherits
                                       where inhparent = 'audit_event'::regclass)),
                       pg_size_pretty(pg_total_relation_size('benchgen.audit_flat'))""")) {
            rs.next();
            out.append("\n%d partitions (months and the default); %,d rows in all; %s with its indexes, the unpartitioned copy %s.\n"
                    .formatted(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
        return out.toString();
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void phase(String name, Step step) throws SQLException {
        long started = System.nanoTime();
        step.run();
        long ms = (System.nanoTime() - started) / 1_000_000;
        phases.put(name, ms);
        say("  %-40s %8.1f s".formatted(name, ms / 1000.0));
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static void say(String line) {
        System.out.println("[benchmark] " + line);
    }
}
