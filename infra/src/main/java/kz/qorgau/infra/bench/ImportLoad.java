package kz.qorgau.infra.bench;

import kz.qorgau.importing.ImportColumn;
import kz.qorgau.importing.ImportTemplate;

import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk import of a large file of the import template through the API, as a social worker of Almaty's crisis
 * centre uploads it: the upload, the job's check and write, polled until it ends. Beside it, the same file loaded
 * into a table by PostgreSQL's COPY: the floor of what the database itself takes to ingest the rows. The rows are
 * made up (names of letters only, no IIN, a run's own old case numbers), and the cases are removed again after the
 * measurement, so that the other rows of the benchmark meet the same data each run.
 */
final class ImportLoad {

    private static final Pattern LOCATION_ID = Pattern.compile("/imports/(\\d+)$");
    private static final String LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";

    private ImportLoad() {
    }

    /**
     * A file of {@code n} made-up rows, every one valid, in Almaty: the template's example row (the victim, the case
     * and its incident, a protective order with its prohibitions, and a referral with its consent and a delivery),
     * or, when not {@code full}, the victim, the case and its incident only.
     */
    static Path file(Path folder, int n, String run, boolean full) throws Exception {
        Path file = folder.resolve("import-" + n + ".csv");
        List<List<String>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(ImportTemplate.EXAMPLE);
            row.set(ImportColumn.LEGACY_ID.ordinal(), "BENCH-" + run + "-" + i);
            row.set(ImportColumn.ORDER_NUMBER.ordinal(), "BENCH-" + run + "-" + i);
            row.set(ImportColumn.FAMILY_NAME.ordinal(), "Импорт" + letters(i));
            row.set(ImportColumn.IIN.ordinal(), "");
            if (!full) {
                for (ImportColumn column : ImportColumn.values()) {
                    if (column.ordinal() >= ImportColumn.ORDER_NUMBER.ordinal()) {
                        row.set(column.ordinal(), "");
                    }
                }
            }
            rows.add(row);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.writeCsv(out, rows);
        }
        return file;
    }

    /** A number written in letters, so that each made-up name is its own and a real one never. */
    static String letters(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.append(LETTERS.charAt(i % LETTERS.length()));
            i /= LETTERS.length();
        } while (i > 0);
        return s.toString();
    }

    /** Uploads the file, polls the job until it ends; answers the seconds from upload to its end and its last state. */
    static Object[] viaApi(Application application, String user, Path file) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> accepted = application.upload(user, "api/v1/cases/import?mode=ALL", "text/csv", file);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import not started: HTTP " + accepted.statusCode());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Matcher id = LOCATION_ID.matcher(URI.create(location).getPath());
        if (!id.find()) {
            throw new IllegalStateException("no job in " + location);
        }
        String path = URI.create(location).getPath().replaceFirst("^.*?/api/v1/", "api/v1/");
        String job;
        do {
            Thread.sleep(200);
            job = application.api(user, path).body();
        } while (job.contains("\"running\":true"));
        return new Object[] {(System.nanoTime() - started) / 1e9, job, Long.parseLong(id.group(1))};
    }

    /** The same file into an unlogged table by COPY, in seconds. */
    static double viaCopy(Connection direct, Path file) throws Exception {
        try (Statement s = direct.createStatement()) {
            s.execute("drop table if exists bench_import_copy");
            s.execute("create unlogged table bench_import_copy (" + String.join(" text, ", ImportTemplate.header()) + " text)");
        }
        long started = System.nanoTime();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.read(); // the byte-order mark
            direct.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_import_copy from stdin (format csv, header true)", in);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Statement s = direct.createStatement()) {
            s.execute("drop table bench_import_copy");
        }
        return seconds;
    }

    /** Removes what one import wrote, as the database's owner: the trail's and timeline's guards do not apply to it. */
    static void remove(Connection owner, long importId) throws Exception {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.execute("create temp table bench_imported on commit drop as select l.case_file_id as id, c.victim_id"
                    + " from legacy_case l join case_file c on c.id = l.case_file_id where l.import_id = " + importId);
            s.execute("create temp table bench_victim_keys on commit drop as select distinct victim_key from stat_delivery"
                    + " where case_file_id in (select id from bench_imported)");
            // everything an import row writes: the case and its victim, incident, order, consent, referral and
            // delivery, their timeline and trail, search keys and summaries (the triggers that keep those are off here)
            for (String sql : List.of(
                    "delete from case_event where case_file_id in (select id from bench_imported)",
                    "delete from audit_event where case_file_id in (select id from bench_imported)",
                    "delete from incident where case_file_id in (select id from bench_imported)",
                    "delete from protective_order_prohibition where protective_order_id in"
                            + " (select id from protective_order where case_file_id in (select id from bench_imported))",
                    "delete from protective_order where case_file_id in (select id from bench_imported)",
                    "delete from service_delivery where referral_id in"
                            + " (select id from service_referral where case_file_id in (select id from bench_imported))",
                    "delete from service_referral where case_file_id in (select id from bench_imported)",
                    "delete from consent where case_file_id in (select id from bench_imported)",
                    "delete from case_search where case_file_id in (select id from bench_imported)",
                    "delete from stat_first_case where case_file_id in (select id from bench_imported)",
                    "delete from stat_order where case_file_id in (select id from bench_imported)",
                    "delete from stat_delivery where case_file_id in (select id from bench_imported)",
                    "delete from stat_case where case_file_id in (select id from bench_imported)",
                    "delete from stat_victim_year where victim_key in (select victim_key from bench_victim_keys)",
                    "insert into stat_victim_year select * from stat_victim_year_source"
                            + " where victim_key in (select victim_key from bench_victim_keys)",
                    "delete from legacy_case where import_id = " + importId,
                    "delete from case_file where id in (select id from bench_imported)",
                    "delete from person where id in (select victim_id from bench_imported)"
                            + " and not exists (select 1 from case_file c where c.victim_id = person.id)")) {
                s.execute(sql);
            }
            owner.commit();
        } catch (Exception e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
        for (String table : List.of("case_file", "protective_order", "service_referral")) {
            try (PreparedStatement ps = owner.prepareStatement("vacuum (analyze) " + table)) {
                ps.execute();
            }
        }
    }
}
