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
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.Incident;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Person;
import kz.qorgau.protection.ProtectiveOrder;
import kz.qorgau.referral.ServiceDelivery;
import kz.qorgau.referral.ServiceReferral;
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
 * protective orders, consents, referrals and their deliveries, timeline and trail — instead of a dozen statements
 * per case. The cases are built by the domain first ({@link Person}, {@link CaseFile#openImported},
 * {@link ProtectiveOrder#issue}, {@link ServiceReferral#fromRecords}), so intake's rules and normal forms hold exactly
 * as for a typed case; only the writing is done here. The trigger on new cases keeps their search keys once per
 * statement (V43); the statistics summaries of the whole batch are refreshed once, after its last insert (V44). Runs
 * inside the caller's transaction.
 */
@ApplicationScoped
public class ImportedCases {

    /** One factory: {@code Json.create…} looks its provider up anew on every call. */
    static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Timeline timeline;

    /**
     * A valid row to write: its form, the day its case was opened, its key, the person to link to, and the order and
     * referral it records (each may be null).
     */
    record Row(NewCaseFile form, LocalDate openedOn, String legacyId, Long linkTo, OrderRecord order,
               ReferralRecord referral) {
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
        writeOrders(caller, rows, caseIds, today, now);
        writeReferrals(caller, organisation, rows, caseIds, today, now);
        em.createNativeQuery("select 1 from stat_refresh_deferred(cast(?1 as bigint[]))")
                .setParameter(1, caseIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getSingleResult();
        return victimsByIin;
    }

    /** The rows' protective orders, issued by the domain (the term of the law on the day of issue), and their prohibitions. */
    private void writeOrders(Caller caller, List<Row> rows, List<Long> caseIds, LocalDate today, Instant now) {
        List<Integer> with = indexes(rows, r -> r.order() != null);
        if (with.isEmpty()) {
            return;
        }
        List<Long> orderIds = ids("protective_order", with.size());
        JsonArrayBuilder orders = JSON.createArrayBuilder();
        JsonArrayBuilder prohibitions = JSON.createArrayBuilder();
        List<Long> cases = new ArrayList<>();
        for (int k = 0; k < with.size(); k++) {
            OrderRecord record = rows.get(with.get(k)).order();
            Long caseId = caseIds.get(with.get(k));
            ProtectiveOrder order = ProtectiveOrder.issue(caseId, record.policeUnit(), record.officer(), record.number(),
                    record.issuedOn(), record.perpetrator(), record.prohibitions(), today, now);
            Long id = orderIds.get(k);
            orders.add(JSON.createObjectBuilder().add("id", id).add("case_file_id", caseId)
                    .add("issuing_unit_code", order.issuingUnitCode()).add("issuing_officer", order.issuingOfficer())
                    .add("order_number", order.orderNumber()).add("issue_date", order.issueDate().toString())
                    .add("valid_until", order.validUntil().toString())
                    .add("perpetrator_family_name", order.perpetrator().familyName())
                    .add("perpetrator_given_name", order.perpetrator().givenName())
                    .add("perpetrator_birth_date", order.perpetrator().birthDate().toString()));
            order.prohibitions().forEach(p -> prohibitions.add(JSON.createObjectBuilder()
                    .add("protective_order_id", id).add("prohibition", p.name())));
            cases.add(caseId);
        }
        em.createNativeQuery("""
                        insert into protective_order (id, case_file_id, issuing_unit_code, issuing_officer, order_number,
                                                      issue_date, valid_until, perpetrator_family_name,
                                                      perpetrator_given_name, perpetrator_birth_date, recorded_at)
                        select r.id, r.case_file_id, r.issuing_unit_code, r.issuing_officer, r.order_number, r.issue_date,
                               r.valid_until, r.perpetrator_family_name, r.perpetrator_given_name, r.perpetrator_birth_date, ?2
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(id bigint, case_file_id bigint,
                             issuing_unit_code text, issuing_officer text, order_number text, issue_date date,
                             valid_until date, perpetrator_family_name text, perpetrator_given_name text,
                             perpetrator_birth_date date)""")
                .setParameter(1, orders.build().toString()).setParameter(2, java.sql.Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("""
                        insert into protective_order_prohibition (protective_order_id, prohibition)
                        select r.protective_order_id, r.prohibition
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(protective_order_id bigint, prohibition text)""")
                .setParameter(1, prohibitions.build().toString()).executeUpdate();
        timeline.recordEach(cases, CaseEventKind.PROTECTIVE_ORDER_ISSUED, caller, null, now);
    }

    /**
     * The rows' referrals, each over (completed with its delivery, {@link ServiceReferral#fromRecords}), and the
     * victim's consent to disclosure that let it be sent.
     */
    private void writeReferrals(Caller caller, String organisation, List<Row> rows, List<Long> caseIds, LocalDate today,
                                Instant now) {
        List<Integer> with = indexes(rows, r -> r.referral() != null);
        if (with.isEmpty()) {
            return;
        }
        List<Long> referralIds = ids("service_referral", with.size());
        JsonArrayBuilder referrals = JSON.createArrayBuilder();
        JsonArrayBuilder deliveries = JSON.createArrayBuilder();
        JsonArrayBuilder consents = JSON.createArrayBuilder();
        Map<String, List<Long>> byService = new LinkedHashMap<>();
        for (int k = 0; k < with.size(); k++) {
            ReferralRecord record = rows.get(with.get(k)).referral();
            Long caseId = caseIds.get(with.get(k));
            ServiceReferral referral = ServiceReferral.fromRecords(caseId, record.service(), organisation,
                    record.provider(), caller.username(), record.consentOn(), record.sentOn(), record.deliveredOn(),
                    record.hours(), today, now);
            Long id = referralIds.get(k);
            referrals.add(JSON.createObjectBuilder().add("id", id).add("case_file_id", caseId)
                    .add("service_type", referral.service().name()).add("to_organisation_code", referral.toOrganisationCode())
                    .add("created_at", referral.createdAt().toString()).add("status", referral.status().name())
                    .add("sent_at", referral.sentAt().orElseThrow().toString())
                    .add("answered_at", referral.answeredAt().orElseThrow().toString())
                    .add("started_at", referral.startedAt().orElseThrow().toString())
                    .add("closed_at", referral.closedAt().orElseThrow().toString()));
            for (ServiceDelivery delivery : referral.deliveries()) {
                deliveries.add(JSON.createObjectBuilder().add("referral_id", id)
                        .add("delivered_on", delivery.deliveredOn().toString()).add("hours", delivery.hours())
                        .add("provider_organisation_code", delivery.providerOrganisationCode()));
            }
            consents.add(JSON.createObjectBuilder().add("case_file_id", caseId).add("given_on", record.consentOn().toString()));
            byService.computeIfAbsent(referral.service().name(), x -> new ArrayList<>()).add(caseId);
        }
        String by = caller.username();
        em.createNativeQuery("""
                        insert into consent (case_file_id, scope, given_on, recorded_by, recorded_at)
                        select r.case_file_id, 'DISCLOSURE', r.given_on, ?2, ?3
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(case_file_id bigint, given_on date)""")
                .setParameter(1, consents.build().toString()).setParameter(2, by)
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("""
                        insert into service_referral (id, case_file_id, service_type, from_organisation_code,
                                                      to_organisation_code, created_by, created_at, status, sent_at, sent_by,
                                                      answered_at, answered_by, started_at, started_by, closed_at, closed_by)
                        select r.id, r.case_file_id, r.service_type, ?2, r.to_organisation_code, ?3, r.created_at, r.status,
                               r.sent_at, ?3, r.answered_at, ?3, r.started_at, ?3, r.closed_at, ?3
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(id bigint, case_file_id bigint, service_type text,
                             to_organisation_code text, created_at timestamptz, status text, sent_at timestamptz,
                             answered_at timestamptz, started_at timestamptz, closed_at timestamptz)""")
                .setParameter(1, referrals.build().toString()).setParameter(2, organisation).setParameter(3, by)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into service_delivery (referral_id, delivered_on, hours, provider_organisation_code,
                                                      recorded_by, recorded_at)
                        select r.referral_id, r.delivered_on, r.hours, r.provider_organisation_code, ?2, ?3
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(referral_id bigint, delivered_on date,
                             hours numeric, provider_organisation_code text)""")
                .setParameter(1, deliveries.build().toString()).setParameter(2, by)
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        List<Long> cases = with.stream().map(caseIds::get).toList();
        timeline.recordEach(cases, CaseEventKind.CONSENT_GIVEN, caller, ConsentScope.DISCLOSURE.name(), now);
        byService.forEach((service, ids) -> {
            timeline.recordEach(ids, CaseEventKind.REFERRAL_CREATED, caller, service, now);
            timeline.recordEach(ids, CaseEventKind.SERVICE_DELIVERED, caller, service, now);
        });
    }

    private static List<Integer> indexes(List<Row> rows, java.util.function.Predicate<Row> which) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (which.test(rows.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
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
