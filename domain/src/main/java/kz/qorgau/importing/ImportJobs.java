package kz.qorgau.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.shared.Caller;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The rows of {@code legacy_import}, one per import: each step of a job commits on its own, so that its progress is
 * seen from any page (and survives a reload) and the batches written before a failure stay written. The trail
 * records the outcome with counts only.
 */
@ApplicationScoped
public class ImportJobs {

    private static final String COLUMNS = """
            id, file_name, format, mode, link_known, status, imported_by, imported_at, updated_at, finished_at, rows_read,
            rows_checked, rows_to_import, rows_imported, rows_refused, rows_known, persons_linked, problem_count,
            problems::text""";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    ImportedCases cases;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long begin(Caller caller, String organisation, String fileName, ImportFormat format, String sha256,
                      ImportOptions options, Instant now) {
        Number id = (Number) em.createNativeQuery("""
                        insert into legacy_import (organisation_code, imported_by, imported_at, format, content_sha256,
                                                   rows_read, rows_imported, rows_refused, rows_known, persons_linked,
                                                   file_name, mode, link_known, status, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0, 0, ?6, ?7, ?8, 'CHECKING', ?3)
                        returning id""")
                .setParameter(1, organisation).setParameter(2, caller.username()).setParameter(3, Timestamp.from(now))
                .setParameter(4, format.name()).setParameter(5, sha256).setParameter(6, fileName)
                .setParameter(7, options.validRowsOnly() ? "VALID" : "ALL").setParameter(8, options.linkKnownPersons())
                .getSingleResult();
        return id.longValue();
    }

    /**
     * Of these row keys (each batch's questions run in a transaction: the job's thread has none), those the
     * organisation imported before: each key one probe of the key's index, never a read of the table. The check of
     * the first rows plans this statement while the table is empty (a read of it is then the cheapest plan), the
     * driver keeps it prepared and PostgreSQL keeps that plan while the import fills the table: it then compared
     * every row with every key of the batch, by the end of a 100,000-row import 0.6–2 s per batch of a thousand.
     */
    @Transactional
    public Set<String> importedBefore(String organisation, List<String> legacyIds) {
        if (legacyIds.isEmpty()) {
            return Set.of();
        }
        em.createNativeQuery("select set_config('enable_seqscan', 'off', true)").getSingleResult(); // this transaction only
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                        select legacy_id from legacy_case
                        where organisation_code = ?1 and legacy_id = any(array(select jsonb_array_elements_text(cast(?2 as jsonb))))""")
                .setParameter(1, organisation).setParameter(2, json(legacyIds)).getResultList();
        return new HashSet<>(found);
    }

    /** Of these orders, those whose unit has an order of the same number in Qorgau, as {@link #orderKey}s. */
    @Transactional
    public Set<String> orderNumbersTaken(List<OrderRecord> orders) {
        if (orders.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                        select o.issuing_unit_code || chr(10) || o.order_number from protective_order o
                        where (o.issuing_unit_code, o.order_number) in
                              (select r.unit, r.number from jsonb_to_recordset(cast(?1 as jsonb)) as r(unit text, number text))""")
                .setParameter(1, orders.stream().map(o -> ImportedCases.JSON.createObjectBuilder().add("unit", o.policeUnit())
                        .add("number", o.number())).collect(ImportedCases.JSON::createArrayBuilder,
                        jakarta.json.JsonArrayBuilder::add, jakarta.json.JsonArrayBuilder::addAll).build().toString())
                .getResultList();
        return new HashSet<>(found);
    }

    /** An order's unit and number as one key. */
    static String orderKey(OrderRecord order) {
        return order.policeUnit() + "\n" + order.number();
    }

    /** The victims with these IINs in the caller's partition: each the most recent case's, if several. */
    @Transactional
    public Map<String, Long> knownPersons(CaseScope scope, List<String> iins) {
        if (iins.isEmpty()) {
            return Map.of();
        }
        var query = em.createNativeQuery("""
                select distinct on (v.iin) v.iin, v.id
                from case_file c join person v on v.id = c.victim_id
                where v.iin = any(array(select jsonb_array_elements_text(cast(?1 as jsonb)))) and %s
                order by v.iin, c.opened_at desc, c.id desc""".formatted(scope.sqlCondition(2)));
        query.setParameter(1, json(iins));
        List<Object> parameters = scope.sqlParameters();
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 2, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Long> known = new HashMap<>();
        for (Object[] r : rows) {
            known.put(((String) r[0]).strip(), ((Number) r[1]).longValue());
        }
        return known;
    }

    private static String json(List<String> values) {
        jakarta.json.JsonArrayBuilder array = ImportedCases.JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void checked(Long id, int rows) {
        em.createNativeQuery("update legacy_import set rows_checked = ?2, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, rows).executeUpdate();
    }

    /** The check is over and the valid rows are to be written. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writing(Long id, ImportReport checked, int toImport) {
        outcome(id, "WRITING", checked, false);
        em.createNativeQuery("update legacy_import set rows_to_import = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, toImport).executeUpdate();
    }

    /**
     * One batch of cases and the job's progress, committed together; {@code setAside} rows found meanwhile not to be
     * written (refused, or imported before) leave the rows to import.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Long> write(Caller caller, String organisation, Long id, List<ImportedCases.Row> rows,
                                   int setAside, LocalDate today, Instant now) {
        Map<String, Long> written = cases.write(caller, organisation, id, rows, today, now);
        em.createNativeQuery("""
                        update legacy_import set rows_imported = rows_imported + ?2, persons_linked = persons_linked + ?3,
                                                 rows_to_import = greatest(rows_to_import - ?4, 0), updated_at = now()
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, rows.size())
                .setParameter(3, (int) rows.stream().filter(r -> r.linkTo() != null).count())
                .setParameter(4, setAside)
                .executeUpdate();
        return written;
    }

    /** Rows had problems and the worker wanted all or nothing, or the file could not be read: nothing was written. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(Caller caller, Long id, ImportReport report, String trail) {
        outcome(id, "REFUSED", report, true);
        audit.record(caller, AuditAction.READ, "LegacyImport", id, null, trail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(Caller caller, Long id, ImportReport report, String trail) {
        outcome(id, "DONE", report, true);
        audit.record(caller, AuditAction.CREATE, "LegacyImport", id, null, trail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Long id) {
        em.createNativeQuery("update legacy_import set status = 'FAILED', updated_at = now(), finished_at = now() where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    private void outcome(Long id, String status, ImportReport report, boolean finished) {
        em.createNativeQuery("""
                        update legacy_import set status = ?2, rows_read = ?3, rows_checked = ?3, rows_refused = ?4,
                                                 rows_known = ?5, problem_count = ?6, problems = cast(?7 as jsonb),
                                                 updated_at = now(), finished_at = case when ?8 then now() end
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, report.rows())
                .setParameter(4, report.refused()).setParameter(5, report.alreadyImported())
                .setParameter(6, report.problemCount()).setParameter(7, problems(report.problems()))
                .setParameter(8, finished).executeUpdate();
    }

    /** One import of the organisation's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImportJob> find(String organisation, Long id) {
        Query query = em.createNativeQuery("select " + COLUMNS + " from legacy_import where organisation_code = ?1 and id = ?2")
                .setParameter(1, organisation).setParameter(2, id);
        return jobs(query).stream().findFirst();
    }

    /** The organisation's imports, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportJob> of(String organisation, int first, int size) {
        return jobs(em.createNativeQuery("select " + COLUMNS
                        + " from legacy_import where organisation_code = ?1 order by imported_at desc, id desc offset ?2 limit ?3")
                .setParameter(1, organisation).setParameter(2, first).setParameter(3, size));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String organisation) {
        return ((Number) em.createNativeQuery("select count(*) from legacy_import where organisation_code = ?1")
                .setParameter(1, organisation).getSingleResult()).longValue();
    }

    private static List<ImportJob> jobs(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ImportJob> jobs = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            jobs.add(new ImportJob(((Number) r[0]).longValue(), (String) r[1], ImportFormat.valueOf((String) r[2]),
                    "VALID".equals(r[3]), (Boolean) r[4], ImportJob.Status.valueOf((String) r[5]), (String) r[6],
                    instant(r[7]), instant(r[8]), instant(r[9]), number(r[10]), number(r[11]), number(r[12]),
                    number(r[13]), number(r[14]), number(r[15]), number(r[16]), number(r[17]), problems((String) r[18])));
        }
        return jobs;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : (Instant) value;
    }

    static String problems(List<RowProblem> problems) {
        JsonArrayBuilder json = ImportedCases.JSON.createArrayBuilder();
        for (RowProblem p : problems) {
            JsonObjectBuilder one = ImportedCases.JSON.createObjectBuilder().add("row", p.row()).add("key", p.key());
            if (p.column() != null) {
                one.add("column", p.column().name());
            }
            JsonArrayBuilder arguments = ImportedCases.JSON.createArrayBuilder();
            p.arguments().forEach(arguments::add);
            json.add(one.add("arguments", arguments));
        }
        return json.build().toString();
    }

    static List<RowProblem> problems(String json) {
        List<RowProblem> problems = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonObject p : array.getValuesAs(JsonObject.class)) {
                problems.add(new RowProblem(p.getInt("row"),
                        p.containsKey("column") ? ImportColumn.valueOf(p.getString("column")) : null, p.getString("key"),
                        p.getJsonArray("arguments").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
            }
        }
        return problems;
    }
}
