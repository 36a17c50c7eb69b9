package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.importing.ImportFiles;
import kz.qorgau.importing.ImportFormat;
import kz.qorgau.importing.ImportJob;
import kz.qorgau.importing.ImportOptions;
import kz.qorgau.importing.ImportReport;
import kz.qorgau.importing.ImportTemplate;
import kz.qorgau.importing.LegacyImportService;
import kz.qorgau.importing.RowProblem;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.ImportProblems;
import kz.qorgau.shared.Caller;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The import page: upload and check, then import all or the valid rows only — in the background, with its progress
 * polled from the job's row, so that a reload (or another page) finds it again — and the organisation's earlier
 * imports with their reports. The uploaded file waits in a file readable by the server's user only, deleted when the
 * job ends or the page is left; the domain does the reading, checking and writing ({@link LegacyImportService}).
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Earlier imports shown under the form. */
    static final int HISTORY = 20;

    @Inject
    LegacyImportService imports;

    @Inject
    CurrentUser user;

    private transient UploadedFile upload;
    private String file;
    private String fileName;
    private ImportFormat format;
    private ImportReport report;
    private boolean linkKnownPersons;
    /** The import this page follows or shows: started here, running when the page opened, or chosen from the list. */
    private Long jobId;
    private transient ImportJob job;
    private transient List<ImportJob> history;

    /** One line of the errors table, in the reader's language. */
    public record Problem(int row, String column, String message, String expected) implements Serializable {
    }

    /** An import of hers that ended this recently is shown again when she comes back to the page. */
    static final java.time.Duration RECENT = java.time.Duration.ofMinutes(10);

    @PostConstruct
    void findRecent() {
        // a reload while her import runs, or just after it ended: follow it again
        String me = user.caller().username();
        Instant now = Instant.now();
        getHistory().stream().filter(j -> j.importedBy().equals(me)).findFirst()
                .filter(j -> j.running(now) || j.updatedAt().plus(RECENT).isAfter(now))
                .ifPresent(j -> jobId = j.id());
    }

    public void check() {
        deleteUpload();
        report = null;
        jobId = null;
        job = null;
        if (upload == null || upload.getSize() == 0) {
            Messages.refused(new kz.qorgau.shared.InvalidInputException("import.file.empty"));
            return;
        }
        format = ImportFormat.ofFileName(upload.getFileName()).orElse(null);
        if (format == null) {
            Messages.refused(new kz.qorgau.shared.InvalidInputException("import.file.format"));
            return;
        }
        fileName = upload.getFileName();
        Path copy = ImportFiles.upload(format);
        file = copy.toString();
        try (InputStream in = upload.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        try {
            report = imports.check(user.caller(), copy, format);
        } catch (RuntimeException failure) {
            Messages.refused(QorgauException.behind(failure).orElseThrow(() -> failure));
            return;
        }
        if (report.fileRefused()) {
            // the file as a whole: said at the top of the page, with its argument (which column, which limit)
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new jakarta.faces.application.FacesMessage(
                    jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                    ImportProblems.message(report.problems().get(0), locale()), null));
            deleteUpload();
        }
    }

    public void importAll() {
        start(false);
    }

    public void importValidOnly() {
        start(true);
    }

    private synchronized void start(boolean validOnly) {
        if (file == null || report == null) {
            return; // started already (a form sent twice, say by a reload): one file, one job
        }
        Path upload = Path.of(file);
        file = null; // the job's now: it deletes the file when it ends
        Locale locale = locale();
        try {
            jobId = imports.start(user.caller(), upload, fileName, format,
                    new ImportOptions(linkKnownPersons, validOnly), p -> ImportProblems.text(p, locale));
        } catch (RuntimeException failure) {
            ImportFiles.delete(upload);
            Messages.refused(QorgauException.behind(failure).orElseThrow(() -> failure));
            return;
        }
        report = null;
        job = null;
        history = null;
    }

    /** Shows an earlier import's report. */
    public void show(Long id) {
        jobId = id;
        job = null;
        report = null;
    }

    public ImportJob getJob() {
        if (job == null && jobId != null) {
            job = imports.job(user.caller(), jobId).orElse(null);
        }
        return job;
    }

    public boolean isJobRunning() {
        return getJob() != null && getJob().running(Instant.now());
    }

    public boolean isJobInterrupted() {
        return getJob() != null && getJob().interrupted(Instant.now());
    }

    /** An import's outcome as the list names it, in the reader's language: a job whose server stopped is not "writing". */
    public String outcome(ImportJob j) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg")
                .getString("import.status." + (j.interrupted(Instant.now()) ? "INTERRUPTED" : j.status().name()));
    }

    /** Whether the shown import is at this step (CHECKING, WRITING, DONE, REFUSED or FAILED). */
    public boolean jobIs(String status) {
        return getJob() != null && getJob().status() == ImportJob.Status.valueOf(status);
    }

    public List<ImportJob> getHistory() {
        if (history == null) {
            history = imports.history(user.caller(), 0, HISTORY);
        }
        return history;
    }

    /** The check's problems, or the shown import's. */
    public List<Problem> getProblems() {
        List<RowProblem> problems = report != null ? report.problems() : getJob() != null ? getJob().problems() : List.of();
        Locale locale = locale();
        return problems.stream().map(p -> new Problem(p.row(), p.column() == null ? "" : p.column().header(),
                ImportProblems.message(p, locale), Optional.ofNullable(ImportProblems.expected(p, locale)).orElse("")))
                .toList();
    }

    public StreamedContent template(String which) {
        ImportFormat f = ImportFormat.valueOf(which);
        return DefaultStreamedContent.builder()
                .name(f == ImportFormat.CSV ? "qorgau-import-template.csv" : "qorgau-import-template.xlsx")
                .contentType(f == ImportFormat.CSV ? "text/csv; charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .writer(out -> {
                    try {
                        if (f == ImportFormat.CSV) {
                            ImportTemplate.writeCsv(out, List.of(ImportTemplate.EXAMPLE));
                        } else {
                            ImportTemplate.writeXlsx(out, List.of(ImportTemplate.EXAMPLE));
                        }
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                })
                .build();
    }

    public boolean isHasRefusedRows() {
        return jobId != null && imports.hasRefusedRows(user.caller(), jobId);
    }

    public StreamedContent getRefusedRows() {
        if (!isHasRefusedRows()) {
            return null; // the button is not shown then
        }
        Caller caller = user.caller();
        Long id = jobId;
        return DefaultStreamedContent.builder()
                .name("qorgau-import-refused-rows.csv")
                .contentType("text/csv; charset=UTF-8")
                .writer(out -> {
                    try {
                        imports.copyRefusedRows(caller, id, out);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                })
                .build();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private void deleteUpload() {
        if (file != null) {
            ImportFiles.delete(Path.of(file));
            file = null;
        }
    }

    @PreDestroy
    void leave() {
        deleteUpload();
    }

    public boolean isChecked() {
        return report != null && !report.fileRefused();
    }

    public UploadedFile getUpload() { return upload; }
    public void setUpload(UploadedFile upload) { this.upload = upload; }
    public ImportReport getReport() { return report; }
    public boolean isLinkKnownPersons() { return linkKnownPersons; }
    public void setLinkKnownPersons(boolean linkKnownPersons) { this.linkKnownPersons = linkKnownPersons; }
}
