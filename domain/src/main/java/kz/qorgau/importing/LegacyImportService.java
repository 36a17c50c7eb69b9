package kz.qorgau.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseFileRepository;
import kz.qorgau.casefile.CaseNumber;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.Iin;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Person;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Permission;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk import of an organisation's older records, one case per row of the template ({@link ImportColumn}). Every row
 * is checked first under intake's rules ({@link RowCheck}); nothing is written unless all are valid or the worker
 * chose to import the valid ones only. A row key imported before is skipped, so the same file twice creates nothing
 * the second time. The file is read twice, row by row, and the cases are written in batches of {@link #BATCH}, so
 * memory does not grow with the file (except for the set of row keys, to tell a key repeated within the file).
 */
@ApplicationScoped
@Audited
public class LegacyImportService {

    /** Cases written per flush before the persistence context is cleared. */
    public static final int BATCH = 500;

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    ReferenceData reference;

    @Inject
    CaseFileRepository cases;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Checks a file, saving nothing; audited as a read, with the counts only. */
    @Transactional
    public ImportReport check(Caller caller, Path file, ImportFormat format) {
        Context context = context(caller);
        ImportReport report;
        try {
            report = pass(context, file, format, null, RefusedRows.NONE);
        } catch (ImportFileRefused refused) {
            report = ImportReport.unreadable(format, refused.problem());
        }
        audit.record(caller, AuditAction.READ, "LegacyImport", null, null, "check " + counts(report));
        return report;
    }

    /**
     * Imports a file: checks it whole first, then — when every row is valid, or the worker chose the valid rows only —
     * writes a case for each valid row not imported before, handing the refused rows to {@code refusedRows}.
     */
    @Transactional
    public ImportReport run(Caller caller, Path file, ImportFormat format, ImportOptions options, RefusedRows refusedRows) {
        Context context = context(caller);
        ImportReport checked;
        try {
            checked = pass(context, file, format, null, RefusedRows.NONE);
        } catch (ImportFileRefused refused) {
            ImportReport report = ImportReport.unreadable(format, refused.problem());
            audit.record(caller, AuditAction.READ, "LegacyImport", null, null, "refused " + counts(report));
            return report;
        }
        if (checked.rows() == 0 || (checked.refused() > 0 && !options.validRowsOnly())) {
            audit.record(caller, AuditAction.READ, "LegacyImport", null, null, "refused " + counts(checked));
            return checked;
        }
        int toImport = checked.valid() - checked.alreadyImported();
        LegacyImport record = new LegacyImport(context.organisation, caller.username(), Instant.now(clock), format,
                sha256(file), checked.rows(), toImport, checked.refused(), checked.alreadyImported(),
                options.linkKnownPersons() ? checked.knownPersons() : 0);
        em.persist(record);
        em.flush();
        Writer writer = new Writer(context, record.id(), options.linkKnownPersons());
        ImportReport written = pass(context, file, format, writer, refusedRows);
        writer.flushBatch();
        // the trail's detail is short: the counts in full, linked persons too, are the import's own record
        audit.record(caller, AuditAction.CREATE, "LegacyImport", record.id(), null, "import " + format + " rows="
                + written.rows() + " new=" + writer.imported + " bad=" + written.refused() + " known=" + written.alreadyImported());
        return new ImportReport(format, written.rows(), written.valid(), written.refused(), written.alreadyImported(),
                written.knownPersons(), written.problems(), written.problemCount(), true, writer.imported, record.id());
    }

    private Context context(Caller caller) {
        caller.require(Permission.CASE_OPEN);
        Organisation owner = caller.organisationCode().flatMap(reference::organisation)
                .orElseThrow(() -> new InvalidInputException("case.organisation.unknown"));
        LocalDate today = LocalDate.now(clock);
        ImportRules rules = new ImportRules() {
            @Override
            public Optional<String> regionRefusal(String regionCode) {
                if (reference.region(regionCode).isEmpty()) {
                    return Optional.of("case.region.unknown");
                }
                try {
                    AccessPolicy.requireIntakeRegion(caller, owner.regionCode(), regionCode);
                    return Optional.empty();
                } catch (InvalidInputException refused) {
                    return Optional.of(refused.messageKeys().get(0));
                }
            }

            @Override
            public Optional<String> legalArticleRefusal(String articleCode) {
                return reference.legalArticle(articleCode).filter(a -> a.active()).isPresent()
                        ? Optional.empty() : Optional.of("incident.legalArticle.unknown");
            }
        };
        return new Context(caller, owner.code(), today, new RowCheck(validator, rules, today),
                CaseScope.of(caller).orElse(null));
    }

    private record Context(Caller caller, String organisation, LocalDate today, RowCheck check, CaseScope scope) {
    }

    /** One reading of the file: every row checked, counted, and (when {@code writer} is given) written or refused. */
    private ImportReport pass(Context context, Path file, ImportFormat format, Writer writer, RefusedRows refusedRows) {
        Map<String, Integer> keys = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        int[] counts = new int[5]; // valid, refused, already imported, known persons, problems
        int rows = LegacyRows.read(file, format, raw -> {
            CheckedRow row = context.check.check(raw);
            List<RowProblem> rowProblems = new ArrayList<>(row.problems());
            if (row.legacyId() != null) {
                Integer first = keys.putIfAbsent(row.legacyId(), raw.number());
                if (first != null) {
                    rowProblems.add(new RowProblem(raw.number(), ImportColumn.LEGACY_ID, "import.legacyId.repeated",
                            List.of(String.valueOf(first))));
                }
            }
            if (!rowProblems.isEmpty()) {
                counts[1]++;
                counts[4] += rowProblems.size();
                for (RowProblem problem : rowProblems) {
                    if (problems.size() < ImportReport.MAX_PROBLEMS) {
                        problems.add(problem);
                    }
                }
                if (writer != null) {
                    refusedRows.refused(raw, rowProblems);
                }
                return;
            }
            counts[0]++;
            if (imported(context.organisation, row.legacyId())) {
                counts[2]++;
                return;
            }
            Optional<Person> known = knownPerson(context, row.form());
            if (known.isPresent()) {
                counts[3]++;
            }
            if (writer != null) {
                writer.write(row, known);
            }
        });
        return new ImportReport(format, rows, counts[0], counts[1], counts[2], counts[3], problems, counts[4], false, 0, null);
    }

    private boolean imported(String organisation, String legacyId) {
        return !em.createQuery("select l.id from LegacyCase l where l.organisationCode = :organisation"
                        + " and l.legacyId = :legacyId", Long.class)
                .setParameter("organisation", organisation).setParameter("legacyId", legacyId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The victim of a case in the caller's partition with the row's IIN: the most recent case's, if several. */
    private Optional<Person> knownPerson(Context context, NewCaseFile form) {
        if (context.scope == null || form.getIin() == null) {
            return Optional.empty();
        }
        String iin = Iin.ofNullable(form.getIin()).map(Iin::value).orElse(null);
        return context.scope.bind(em.createQuery("select v from CaseFile c join c.victim v where v.iin = :iin and "
                        + context.scope.condition() + " order by c.openedAt desc, c.id desc", Person.class))
                .setParameter("iin", iin)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Writes the valid rows' cases a batch at a time. */
    private final class Writer {
        private final Context context;
        private final Long importId;
        private final boolean link;
        private final List<CaseFile> batch = new ArrayList<>();
        int imported;
        int linked;

        Writer(Context context, Long importId, boolean link) {
            this.context = context;
            this.importId = importId;
            this.link = link;
        }

        void write(CheckedRow row, Optional<Person> known) {
            NewCaseFile form = row.form();
            Instant now = Instant.now(clock);
            Person victim;
            if (link && known.isPresent()) {
                victim = known.get();
                linked++;
            } else {
                victim = new Person(form.victim(), context.today);
            }
            String region = form.getRegionCode();
            CaseNumber number = cases.allocateNumber(region, row.openedOn().getYear());
            CaseFile file = CaseFile.openImported(number, form.getKind(), victim, context.organisation,
                    context.caller.username(), form.incident(region),
                    row.openedOn().atStartOfDay(Clocks.KAZAKHSTAN).toInstant(), context.today, now);
            cases.add(file);
            em.persist(new LegacyCase(context.organisation, row.legacyId(), file, importId));
            batch.add(file);
            imported++;
            if (batch.size() >= BATCH) {
                flushBatch();
            }
        }

        void flushBatch() {
            if (batch.isEmpty()) {
                return;
            }
            cases.flush();
            Instant now = Instant.now(clock);
            for (CaseFile file : batch) {
                timeline.record(file.id(), CaseEventKind.CASE_OPENED, context.caller, file.kind().name(), now);
            }
            em.flush();
            em.clear();
            batch.clear();
        }
    }

    /** What the trail says of a check or a refused import: counts only, within its 60 characters. */
    private static String counts(ImportReport report) {
        return report.format() + " rows=" + report.rows() + " ok=" + report.valid() + " bad=" + report.refused()
                + (report.fileRefused() ? " file=" + report.problems().get(0).key().replace("import.", "") : "");
    }

    /** A fingerprint of the content, to recognise the same file again; it cannot be read back into the file. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException failed) {
            throw new IllegalStateException("cannot read the uploaded file", failed);
        }
    }
}
