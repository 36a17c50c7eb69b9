package kz.qorgau.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseNumber;
import kz.qorgau.casefile.Incident;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Person;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of imported cases in a few set-based statements — numbers, persons, cases, incidents, row keys,
 * timeline and trail — instead of a dozen statements per case. The cases are built by the domain first
 * ({@link Person}, {@link CaseFile#openImported}), so intake's rules and normal forms hold exactly as for a typed
 * case; only the writing is done here. The trigger on new cases keeps their search keys once per statement (V43);
 * the statistics summaries of the whole batch are refreshed once, after its last insert (V44). Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class ImportedCases {

    /** One factory: {@code Json.create…} looks its provider up anew on every call. */
    static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Timeline timeline;

    /** A valid row to write: its form, the day its case was opened, its key, and the person to link to, if any. */
    record Row(NewCaseFile form, LocalDate openedOn, String legacyId, Long linkTo) {
    }

    /** Writes the batch; answers each new victim's id by the IIN she was written with. */
    Map<String, Long> write(Caller caller, String organisation, Long importId, List<Row> rows, LocalDate today, Instant now) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        // the batch's summaries are refreshed once, after its last insert, instead of by each statement's trigger (V44)
        em.createNativeQuery("select 1 from stat_defer_refresh()").getSingleResult();
        List<CaseNumber> numbers = numbers(rows);
        List<Long> personIds = ids("person", (int) rows.stream().filter(r -> r.linkTo() == null).count());
        List<Long> caseIds = ids("case_file", rows.size());
        JsonArrayBuilder persons = JSON.createArrayBuilder();
        JsonArrayBuilder cases = JSON.createArrayBuilder();
        JsonArrayBuilder incidents = JSON.createArrayBuilder();
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        Map<String, Long> victimsByIin = new HashMap<>();
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        int nextPerson = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            NewCaseFile form = row.form();
            Person victim = new Person(form.victim(), today);
            CaseFile file = CaseFile.openImported(numbers.get(i), form.getKind(), victim, organisation,
                    caller.username(), form.incident(form.getRegionCode()),
                    row.openedOn().atStartOfDay(Clocks.KAZAKHSTAN).toInstant(), today, now);
            Long victimId = row.linkTo();
            if (victimId == null) {
                victimId = personIds.get(nextPerson++);
                persons.add(person(victimId, victim));
                Long id = victimId;
                victim.iin().ifPresent(iin -> victimsByIin.putIfAbsent(iin, id));
            }
            Long caseId = caseIds.get(i);
            cases.add(JSON.createObjectBuilder()
                    .add("id", caseId).add("number", file.number().toString()).add("region_code", file.regionCode())
                    .add("victim_id", victimId).add("kind", file.kind().name()).add("status", file.status().name())
                    .add("opened_at", file.openedAt().toString()).add("last_activity_at", file.lastActivityAt().toString()));
            for (Incident incident : file.incidents()) {
                if (incident.perpetrator().isPresent()) {
                    throw new IllegalStateException("the import template has no perpetrator");
                }
                incidents.add(incident(caseId, incident));
            }
            keys.add(JSON.createObjectBuilder().add("legacy_id", row.legacyId()).add("case_file_id", caseId));
            byKind.computeIfAbsent(file.kind().name(), k -> new ArrayList<>()).add(caseId);
        }
        em.createNativeQuery("""
                        insert into person (id, family_name, given_name, patronymic, family_name_latin, given_name_latin, sex,
                                            birth_date, estimated_age, age_estimated_on, citizenship, iin, document_type,
                                            document_number)
                        select r.id, r.family_name, r.given_name, r.patronymic, r.family_name_latin, r.given_name_latin, r.sex,
                               r.birth_date, r.estimated_age, r.age_estimated_on, r.citizenship, r.iin, r.document_type,
                               r.document_number
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(id bigint, family_name text, given_name text,
                             patronymic text, family_name_latin text, given_name_latin text, sex text, birth_date date,
                             estimated_age integer, age_estimated_on date, citizenship text, iin text, document_type text,
                             document_number text)""")
                .setParameter(1, persons.build().toString()).executeUpdate();
        em.createNativeQuery("""
                        insert into case_file (id, number, region_code, organisation_code, owner_username, victim_id, kind,
                                               status, opened_at, last_activity_at)
                        select r.id, r.number, r.region_code, ?2, ?3, r.victim_id, r.kind, r.status, r.opened_at,
                               r.last_activity_at
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(id bigint, number text, region_code text,
                             victim_id bigint, kind text, status text, opened_at timestamptz, last_activity_at timestamptz)""")
                .setParameter(1, cases.build().toString()).setParameter(2, organisation).setParameter(3, caller.username())
                .executeUpdate();
        em.createNativeQuery("""
                        insert into incident (case_file_id, occurred_on, gbv_type, context, region_code, settlement,
                                              legal_article_code, relationship, reported_to_police_on, recorded_by, recorded_at)
                        select r.case_file_id, r.occurred_on, r.gbv_type, r.context, r.region_code, r.settlement,
                               r.legal_article_code, r.relationship, r.reported_to_police_on, ?2, ?3
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(case_file_id bigint, occurred_on date, gbv_type text,
                             context text, region_code text, settlement text, legal_article_code text, relationship text,
                             reported_to_police_on date)""")
                .setParameter(1, incidents.build().toString()).setParameter(2, caller.username())
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("""
                        insert into legacy_case (organisation_code, legacy_id, case_file_id, import_id)
                        select ?2, r.legacy_id, r.case_file_id, ?3
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(legacy_id text, case_file_id bigint)""")
                .setParameter(1, keys.build().toString()).setParameter(2, organisation).setParameter(3, importId)
                .executeUpdate();
        // the timeline says the kind a case was opened as, as at intake
        byKind.forEach((kind, ids) -> timeline.recordEach(ids, CaseEventKind.CASE_OPENED, caller, kind, now));
        em.createNativeQuery("select 1 from stat_refresh_deferred(cast(?1 as bigint[]))")
                .setParameter(1, caseIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getSingleResult();
        return victimsByIin;
    }

    /** Numbers for every row, a block per region and year in one statement: the counter moves once per block. */
    private List<CaseNumber> numbers(List<Row> rows) {
        Map<String, Integer> blocks = new LinkedHashMap<>();
        for (Row row : rows) {
            blocks.merge(row.form().getRegionCode() + "/" + row.openedOn().getYear(), 1, Integer::sum);
        }
        JsonArrayBuilder wanted = JSON.createArrayBuilder();
        blocks.forEach((block, n) -> {
            String[] parts = block.split("/");
            wanted.add(JSON.createObjectBuilder().add("region_code", parts[0]).add("year", Integer.parseInt(parts[1])).add("n", n));
        });
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("""
                        insert into case_number_counter (region_code, year, last_value)
                        select r.region_code, r.year, r.n from jsonb_to_recordset(cast(?1 as jsonb)) as r(region_code text,
                             year integer, n bigint)
                        on conflict (region_code, year) do update set last_value = case_number_counter.last_value + excluded.last_value
                        returning region_code, year, last_value""")
                .setParameter(1, wanted.build().toString()).getResultList();
        Map<String, Long> next = new HashMap<>();
        for (Object[] r : last) {
            String block = r[0] + "/" + r[1];
            next.put(block, ((Number) r[2]).longValue() - blocks.get(block) + 1);
        }
        List<CaseNumber> numbers = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String block = row.form().getRegionCode() + "/" + row.openedOn().getYear();
            long sequence = next.merge(block, 1L, Long::sum) - 1;
            numbers.add(new CaseNumber(row.form().getRegionCode(), row.openedOn().getYear(), sequence));
        }
        return numbers;
    }

    /** Ids drawn from a table's own identity sequence, so that the rows written together can refer to each other. */
    private List<Long> ids(String table, int n) {
        if (n == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select nextval(pg_get_serial_sequence(?1, 'id')) from generate_series(1, ?2)")
                .setParameter(1, table).setParameter(2, n).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static JsonObjectBuilder person(Long id, Person p) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", id).add("family_name", p.familyName())
                .add("given_name", p.givenName()).add("sex", p.sex().name());
        p.patronymic().ifPresent(v -> json.add("patronymic", v));
        p.familyNameLatin().ifPresent(v -> json.add("family_name_latin", v));
        p.givenNameLatin().ifPresent(v -> json.add("given_name_latin", v));
        p.birthDate().ifPresent(v -> json.add("birth_date", v.toString()));
        p.estimatedAge().ifPresent(v -> json.add("estimated_age", v));
        p.ageEstimatedOn().ifPresent(v -> json.add("age_estimated_on", v.toString()));
        p.citizenship().ifPresent(v -> json.add("citizenship", v));
        p.iin().ifPresent(v -> json.add("iin", v));
        p.documentType().ifPresent(v -> json.add("document_type", v.name()));
        p.documentNumber().ifPresent(v -> json.add("document_number", v));
        return json;
    }

    private static JsonObjectBuilder incident(Long caseId, Incident i) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("case_file_id", caseId)
                .add("occurred_on", i.occurredOn().toString()).add("gbv_type", i.gbvType().name());
        i.context().ifPresent(v -> json.add("context", v.name()));
        i.regionCode().ifPresent(v -> json.add("region_code", v));
        i.settlement().ifPresent(v -> json.add("settlement", v));
        i.legalArticleCode().ifPresent(v -> json.add("legal_article_code", v));
        i.relationship().ifPresent(v -> json.add("relationship", v.name()));
        i.reportedToPoliceOn().ifPresent(v -> json.add("reported_to_police_on", v.toString()));
        return json;
    }
}
