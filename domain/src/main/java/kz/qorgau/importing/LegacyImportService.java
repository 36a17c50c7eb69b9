package kz.qorgau.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.Iin;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Permission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bulk import of an organisation's older records, one case per row of the template ({@link ImportColumn}). Every row
 * is checked first under intake's rules ({@link RowCheck}); nothing is written unless all are valid or the worker
 * chose to import the valid ones only. A row key imported before is skipped, so the same file twice creates nothing
 * the second time. The file is read row by row, a batch of {@link #BATCH} rows at a time, twice when all rows must be
 * valid (a check, then the writing) and once, with the writing, for the valid rows only; a thread of its own reads and
 * checks the next batch while the database is asked about the last ({@link ReadAhead}). One query per batch asks which
 * keys were imported before and which IINs are known, and each batch of cases is written in a few statements
 * ({@link ImportedCases}) and committed with the job's progress ({@link ImportJobs}). Memory does not grow with the
 * file, except for the row keys and IINs seen, to tell a key repeated within the file and a woman met twice.
 */
@ApplicationScoped
@Audited
public class LegacyImportService {

    /** Rows checked against the database, and cases written and committed, together. */
    public static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(LegacyImportService.class.getName());

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    ReferenceData reference;

    @Inject
    ImportJobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    RefusedRowsStore refusedRowsStore;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /** The threads that read and check a file ahead of its writing. */
    @Resource
    ManagedThreadFactory threads;

    /** Checks a file, saving nothing; audited as a read, with the counts only. */
    @Transactional
    public ImportReport check(Caller caller, Path file, ImportFormat format) {
        Context context = context(caller);
        ImportReport report;
        try {
            report = pass(context, file, format, null, RefusedRows.NONE, null);
        } catch (ImportFileRefused refused) {
            report = ImportReport.unreadable(format, refused.problem());
        }
        audit.record(caller, AuditAction.READ, "LegacyImport", null, null, "check " + counts(report));
        return report;
    }

    /**
     * Imports a file in the calling thread: checks it whole first, then — when every row is valid — writes a case for
     * each row not imported before; or, when the worker chose the valid rows only, checks and writes in one reading,
     * handing the refused rows to {@code refusedRows}. Each batch commits on its own; see {@link #start} for the same in the background.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ImportReport run(Caller caller, Path file, ImportFormat format, ImportOptions options, RefusedRows refusedRows) {
        Context context = context(caller);
        Long id = jobs.begin(caller, context.organisation, null, format, sha256(file), options, Instant.now(clock));
        return execute(id, context, file, format, options, refusedRows);
    }

    /**
     * Starts an import in the background and answers its id at once; its row in {@link ImportJobs} tells how far it
     * is. The file is the job's from now on: it is deleted when the job ends. The refused rows (valid rows only) are
     * kept in the database for a day ({@link RefusedRowsStore}, {@link #copyRefusedRows}), each problem told by
     * {@code say} in the worker's language.
     */
    // in a transaction, though the job commits on its own: the task inherits the request's invocation, and an entity
    // manager used here without one would be closed by both at their ends (Payara's non-transactional cleaner), the
    // second failing — the page's request, when a small file's job ended first
    @Transactional
    public Long start(Caller caller, Path file, String fileName, ImportFormat format, ImportOptions options,
                      Function<RowProblem, String> say) {
        Context context = context(caller);
        String name = fileName == null ? null : Path.of(fileName).getFileName().toString();
        if (name != null && name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        Long id = jobs.begin(caller, context.organisation, name, format, sha256(file), options, Instant.now(clock));
        executor.submit(() -> {
            try (Writer out = options.validRowsOnly() ? refusedRowsStore.writer(id) : Writer.nullWriter();
                 RefusedRowsCsv sink = new RefusedRowsCsv(out, say)) {
                execute(id, context, file, format, options, options.validRowsOnly() ? sink : RefusedRows.NONE);
            } catch (IOException | RuntimeException failure) {
                // types and stacks only: a message could quote a cell of the file
                LOG.log(Level.WARNING, "Import " + id + " failed", kz.qorgau.shared.Scrubbed.of(failure));
            } finally {
                ImportFiles.delete(file);
            }
        });
        return id;
    }

    /** An import of the caller's organisation, for those who import. */
    @Transactional
    public Optional<ImportJob> job(Caller caller, Long id) {
        return jobs.find(owner(caller).code(), id);
    }

    /** The caller's organisation's imports, newest first. */
    @Transactional
    public List<ImportJob> history(Caller caller, int first, int size) {
        return jobs.of(owner(caller).code(), first, size);
    }

    @Transactional
    public long historySize(Caller caller) {
        return jobs.count(owner(caller).code());
    }

    /** Whether the caller's organisation's import of the valid rows only has its refused rows still kept (a day). */
    @Transactional
    public boolean hasRefusedRows(Caller caller, Long id) {
        return job(caller, id).filter(ImportJob::validRowsOnly).isPresent() && refusedRowsStore.exists(id);
    }

    /**
     * The rows an import of the valid rows only refused, as the CSV to fix (UTF-8), copied to {@code out} a part at a
     * time, each read in a short transaction of its own, so that a slow download holds no connection; false when
     * there is none for the caller (not hers, not of the valid rows only, or no longer kept).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean copyRefusedRows(Caller caller, Long id, OutputStream out) throws IOException {
        if (job(caller, id).filter(ImportJob::validRowsOnly).isEmpty()) {
            return false;
        }
        int part = 0;
        for (Optional<String> content; (content = refusedRowsStore.part(id, part)).isPresent(); part++) {
            out.write(content.get().getBytes(StandardCharsets.UTF_8));
        }
        return part > 0;
    }

    private ImportReport execute(Long id, Context context, Path file, ImportFormat format, ImportOptions options,
                                 RefusedRows refusedRows) {
        Caller caller = context.caller;
        try {
            ImportReport checked;
            try {
                // the valid rows only: a row refused is set aside wherever it is, so the rows need not be checked
                // before the first is written; a reading without checks finds first what refuses the whole file (its
                // size, its encoding, its header, too many rows), and the one reading after it checks and writes
                checked = options.validRowsOnly() ? counted(file, format)
                        : pass(context, file, format, null, RefusedRows.NONE, rows -> jobs.checked(id, rows));
            } catch (ImportFileRefused refused) {
                ImportReport report = ImportReport.unreadable(format, refused.problem());
                jobs.refused(caller, id, report, "refused " + counts(report));
                return report;
            }
            if (checked.rows() == 0 || (checked.refused() > 0 && !options.validRowsOnly())) {
                jobs.refused(caller, id, checked, "refused " + counts(checked));
                return checked;
            }
            // of the valid rows only, the share of the rows gone through: how many will be written is known at the end
            jobs.writing(id, checked, options.validRowsOnly() ? checked.rows() : checked.valid() - checked.alreadyImported());
            Batches writer = new Batches(context, id, options.linkKnownPersons(), options.validRowsOnly());
            ImportReport written = pass(context, file, format, writer, refusedRows, null);
            writer.flush();
            ImportReport report = new ImportReport(format, written.rows(), written.valid(), written.refused(),
                    written.alreadyImported(), written.knownPersons(), written.problems(), written.problemCount(), true,
                    writer.imported, id);
            // the trail's detail is short: the counts in full, linked persons too, are the import's own record
            jobs.done(caller, id, report, "import " + format + " rows=" + report.rows() + " new=" + writer.imported
                    + " bad=" + report.refused() + " known=" + report.alreadyImported());
            return report;
        } catch (RuntimeException failure) {
            jobs.failed(id);
            throw failure;
        }
    }

    /** The rows of a file, read without checks: a file refused as a whole is refused here. */
    private static ImportReport counted(Path file, ImportFormat format) {
        int rows = LegacyRows.read(file, format, raw -> { });
        return new ImportReport(format, rows, 0, 0, 0, 0, List.of(), 0, false, 0, null);
    }

    /** The organisation the caller imports for; the history and a job's progress need no more than this. */
    private Organisation owner(Caller caller) {
        caller.require(Permission.CASE_OPEN);
        return caller.organisationCode().flatMap(reference::organisation)
                .orElseThrow(() -> new InvalidInputException("case.organisation.unknown"));
    }

    /** What a check or an import needs: the owner, today, and the few codes a row may name, asked once. */
    private Context context(Caller caller) {
        Organisation owner = owner(caller);
        LocalDate today = LocalDate.now(clock);
        // the few codes a row may name, asked of the database once, here: the job's own thread has no transaction
        Set<String> regions = new HashSet<>();
        reference.regions().forEach(r -> regions.add(r.code()));
        Set<String> articles = new HashSet<>();
        reference.legalArticles().stream().filter(a -> a.active()).forEach(a -> articles.add(a.code()));
        Set<String> policeUnits = new HashSet<>();
        Set<String> providers = new HashSet<>();
        for (Organisation o : reference.organisations()) {
            if (o.type() == OrganisationType.POLICE_UNIT) {
                policeUnits.add(o.code());
            }
            if (o.active() && ReferralService.PROVIDERS.contains(o.type())) {
                providers.add(o.code());
            }
        }
        ImportRules rules = new ImportRules() {
            @Override
            public Optional<String> regionRefusal(String regionCode) {
                if (!regions.contains(regionCode)) {
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
                return articles.contains(articleCode) ? Optional.empty() : Optional.of("incident.legalArticle.unknown");
            }

            @Override
            public Optional<String> policeUnitRefusal(String organisationCode) {
                return policeUnits.contains(organisationCode) ? Optional.empty() : Optional.of("import.policeUnit.unknown");
            }

            @Override
            public Optional<String> providerRefusal(String organisationCode) {
                if (organisationCode.equals(owner.code())) {
                    return Optional.of("referral.selfReferral");
                }
                return providers.contains(organisationCode) ? Optional.empty() : Optional.of("referral.provider.unknown");
            }
        };
        return new Context(caller, owner.code(), today, new RowCheck(validator, rules, today),
                CaseScope.of(caller).orElse(null));
    }

    private record Context(Caller caller, String organisation, LocalDate today, RowCheck check, CaseScope scope) {
    }

    /** A row read and checked, waiting for its batch's questions to the database. */
    private record Pending(RawRow raw, CheckedRow row, List<RowProblem> problems) {
    }

    /** What one reading of the file found so far. */
    private static final class Tally {
        final List<RowProblem> problems = new ArrayList<>();
        int valid;
        int refused;
        int alreadyImported;
        int knownPersons;
        int problemCount;
        /** The orders of the rows so far, by unit and number. */
        final Set<String> orders = new HashSet<>();
        /** IINs of rows to write, and the person each was written as (0 until written, or when not linked). */
        final Map<String, Long> iins = new HashMap<>();
    }

    /**
     * One reading of the file: every row checked, counted, and (when {@code writer} is given) written or refused.
     * {@code checked}, when given, hears the number of rows read after each batch. The rows are read and checked a
     * batch ahead on a thread of their own ({@link ReadAhead}), while this thread asks the database about the batch
     * before and writes it, in its transaction.
     */
    private ImportReport pass(Context context, Path file, ImportFormat format, Batches writer, RefusedRows refusedRows,
                              IntConsumer checked) {
        Map<String, Integer> keys = new HashMap<>();
        Tally tally = new Tally();
        int rows;
        try (ReadAhead<Pending> ahead = ReadAhead.start(threads, file, format, BATCH, raw -> {
            CheckedRow row = context.check.check(raw);
            List<RowProblem> rowProblems = new ArrayList<>(row.problems());
            if (row.legacyId() != null) {
                Integer first = keys.putIfAbsent(row.legacyId(), raw.number());
                if (first != null) {
                    rowProblems.add(new RowProblem(raw.number(), ImportColumn.LEGACY_ID, "import.legacyId.repeated",
                            List.of(String.valueOf(first))));
                }
            }
            return new Pending(raw, row, rowProblems);
        })) {
            for (List<Pending> batch; (batch = ahead.next()) != null; ) {
                settle(context, batch, tally, writer, refusedRows);
                if (checked != null && batch.size() == BATCH) {
                    checked.accept(batch.get(batch.size() - 1).raw.number() - 1);
                }
            }
            rows = ahead.rows();
        }
        return new ImportReport(format, rows, tally.valid, tally.refused, tally.alreadyImported, tally.knownPersons,
                tally.problems, tally.problemCount, false, 0, null);
    }

    /** Counts a batch of rows, asking the database once which were imported before and whose IIN is known. */
    private void settle(Context context, List<Pending> batch, Tally tally, Batches writer, RefusedRows refusedRows) {
        int setAsideBefore = tally.refused + tally.alreadyImported;
        List<String> legacyIds = batch.stream().filter(p -> p.problems.isEmpty()).map(p -> p.row.legacyId()).toList();
        Set<String> imported = jobs.importedBefore(context.organisation, legacyIds);
        refuseOrderNumbersTaken(batch, imported, tally);
        List<String> iins = batch.stream().filter(p -> p.problems.isEmpty() && !imported.contains(p.row.legacyId()))
                .map(p -> iin(p.row)).filter(iin -> iin != null && !tally.iins.containsKey(iin)).distinct().toList();
        Map<String, Long> known = context.scope == null ? Map.of() : jobs.knownPersons(context.scope, iins);
        for (Pending p : batch) {
            if (!p.problems.isEmpty()) {
                tally.refused++;
                tally.problemCount += p.problems.size();
                for (RowProblem problem : p.problems) {
                    if (tally.problems.size() < ImportReport.MAX_PROBLEMS) {
                        tally.problems.add(problem);
                    }
                }
                if (writer != null) {
                    refusedRows.refused(p.raw, p.problems);
                }
                continue;
            }
            tally.valid++;
            if (imported.contains(p.row.legacyId())) {
                tally.alreadyImported++;
                continue;
            }
            String iin = iin(p.row);
            Long person = iin == null ? null : known.get(iin);
            if (iin != null && person == null && tally.iins.containsKey(iin)) {
                // met before in this file: the same woman, to link to the person her first row was written as
                if (writer != null && writer.pending(iin)) {
                    writer.flush();
                    writer.written.forEach((i, id) -> tally.iins.replace(i, id));
                }
                person = tally.iins.get(iin);
            }
            if (person != null) {
                tally.knownPersons++;
            } else if (iin != null) {
                tally.iins.put(iin, 0L);
            }
            if (writer != null) {
                writer.add(p.row, iin, person == null || person == 0L || !writer.link ? null : person);
            }
        }
        if (writer != null) {
            if (writer.oneReading) {
                writer.setAside += tally.refused + tally.alreadyImported - setAsideBefore;
            }
            writer.flush();
            writer.written.forEach((i, id) -> tally.iins.replace(i, id));
        }
    }

    /**
     * A police unit numbers its orders once: an order whose unit and number are in Qorgau already, or in an earlier row
     * of the file, refuses its row (a row imported before is skipped, order and all).
     */
    private void refuseOrderNumbersTaken(List<Pending> batch, Set<String> imported, Tally tally) {
        List<Pending> withOrders = batch.stream().filter(p -> p.problems.isEmpty() && p.row.order() != null
                && !imported.contains(p.row.legacyId())).toList();
        Set<String> taken = jobs.orderNumbersTaken(withOrders.stream().map(p -> p.row.order()).toList());
        for (Pending p : withOrders) {
            String key = ImportJobs.orderKey(p.row.order());
            if (taken.contains(key) || !tally.orders.add(key)) {
                p.problems.add(new RowProblem(p.raw.number(), ImportColumn.ORDER_NUMBER, "import.orderNumber.taken", List.of()));
            }
        }
    }

    private static String iin(CheckedRow row) {
        return Iin.ofNullable(row.form().getIin()).map(Iin::value).orElse(null);
    }

    /** The valid rows' cases, written a batch at a time, each batch in its own transaction with the progress. */
    private final class Batches {
        private final Context context;
        private final Long importId;
        private final boolean link;
        private final List<ImportedCases.Row> rows = new ArrayList<>();
        private final Set<String> pendingIins = new HashSet<>();
        /** The persons the last batch wrote, by IIN. */
        Map<String, Long> written = Map.of();
        int imported;

        /** Rows checked as they are written (the valid rows only): the rows to write are all until some are set aside. */
        private final boolean oneReading;
        /** Rows refused or imported before since the last flush, no longer to write. */
        int setAside;

        Batches(Context context, Long importId, boolean link, boolean oneReading) {
            this.context = context;
            this.importId = importId;
            this.link = link;
            this.oneReading = oneReading;
        }

        boolean pending(String iin) {
            return pendingIins.contains(iin);
        }

        void add(CheckedRow row, String iin, Long linkTo) {
            rows.add(new ImportedCases.Row(row.form(), row.openedOn(), row.legacyId(), linkTo, row.order(), row.referral()));
            if (iin != null) {
                pendingIins.add(iin);
            }
        }

        void flush() {
            if (rows.isEmpty() && setAside == 0) {
                written = Map.of();
                return;
            }
            written = jobs.write(context.caller, context.organisation, importId, rows, setAside, context.today,
                    Instant.now(clock));
            imported += rows.size();
            setAside = 0;
            rows.clear();
            pendingIins.clear();
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
