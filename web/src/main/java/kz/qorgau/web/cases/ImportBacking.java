package kz.qorgau.web.cases;

import jakarta.annotation.PreDestroy;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.importing.ImportFormat;
import kz.qorgau.importing.ImportOptions;
import kz.qorgau.importing.ImportReport;
import kz.qorgau.importing.ImportTemplate;
import kz.qorgau.importing.LegacyImportService;
import kz.qorgau.importing.RefusedRows;
import kz.qorgau.importing.RefusedRowsCsv;
import kz.qorgau.importing.RowProblem;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * The import page: upload, check, then import all or the valid rows only. The uploaded file waits in a temporary
 * file readable by the server's user only, deleted after the import or when the page is left; the domain does the
 * reading, checking and writing ({@link LegacyImportService}).
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LegacyImportService imports;

    @Inject
    CurrentUser user;

    private transient UploadedFile upload;
    private String file;
    private ImportFormat format;
    private ImportReport report;
    private ImportReport result;
    private String refusedFile;
    private boolean linkKnownPersons;

    /** One line of the errors table, in the reader's language. */
    public record Problem(int row, String column, String message, String expected) implements Serializable {
    }

    public void check() {
        discard();
        report = null;
        result = null;
        if (upload == null || upload.getSize() == 0) {
            Messages.refused(new kz.qorgau.shared.InvalidInputException("import.file.empty"));
            return;
        }
        format = ImportFormat.ofFileName(upload.getFileName()).orElse(null);
        if (format == null) {
            Messages.refused(new kz.qorgau.shared.InvalidInputException("import.file.format"));
            return;
        }
        try (InputStream in = upload.getInputStream()) {
            Path copy = ownerOnly(format == ImportFormat.CSV ? ".csv" : ".xlsx");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            file = copy.toString();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        try {
            report = imports.check(user.caller(), Path.of(file), format);
        } catch (RuntimeException failure) {
            Messages.refused(QorgauException.behind(failure).orElseThrow(() -> failure));
            return;
        }
        if (report.fileRefused()) {
            // the file as a whole: said at the top of the page, with its argument (which column, which limit)
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new jakarta.faces.application.FacesMessage(
                    jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                    message(report.problems().get(0), faces.getViewRoot().getLocale()), null));
            deleteUpload();
        }
    }

    public void importAll() {
        run(false);
    }

    public void importValidOnly() {
        run(true);
    }

    private void run(boolean validOnly) {
        if (file == null || report == null) {
            return;
        }
        try {
            if (validOnly) {
                Path refused = ownerOnly(".csv");
                refusedFile = refused.toString();
                Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
                try (Writer out = new OutputStreamWriter(Files.newOutputStream(refused), StandardCharsets.UTF_8);
                     RefusedRowsCsv sink = new RefusedRowsCsv(out, p -> text(p, locale))) {
                    result = imports.run(user.caller(), Path.of(file), format, new ImportOptions(linkKnownPersons, true), sink);
                }
            } else {
                result = imports.run(user.caller(), Path.of(file), format, new ImportOptions(linkKnownPersons, false),
                        RefusedRows.NONE);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (RuntimeException failure) {
            Messages.refused(QorgauException.behind(failure).orElseThrow(() -> failure));
            return;
        }
        if (result.written()) {
            report = null; // the check is history now: the page shows what was imported
            deleteUpload();
        } else {
            report = result;
            result = null;
        }
    }

    public List<Problem> getProblems() {
        if (report == null) {
            return List.of();
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return report.problems().stream().map(p -> new Problem(p.row(),
                p.column() == null ? "" : p.column().header(), message(p, locale),
                p.expectedKey() == null ? "" : Messages.refusal(p.expectedKey(), locale))).toList();
    }

    private static String message(RowProblem problem, Locale locale) {
        String text = Messages.refusal(problem.key(), locale);
        return problem.arguments().isEmpty() ? text : new MessageFormat(text, locale).format(problem.arguments().toArray());
    }

    /** A problem for the file of refused rows: what is wrong and, for a cell, what would be right. */
    private static String text(RowProblem problem, Locale locale) {
        String column = problem.column() == null ? "" : problem.column().header() + ": ";
        String expected = problem.expectedKey() == null ? "" : " (" + Messages.refusal(problem.expectedKey(), locale) + ")";
        return column + message(problem, locale) + expected;
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

    public StreamedContent getRefusedRows() {
        Path refused = refusedFile == null ? null : Path.of(refusedFile);
        return DefaultStreamedContent.builder()
                .name("qorgau-import-refused-rows.csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> {
                    try {
                        return Files.newInputStream(refused);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                })
                .build();
    }

    private static Path ownerOnly(String suffix) throws IOException {
        return Files.createTempFile("qorgau-import-", suffix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private void deleteUpload() {
        if (file != null) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (IOException ignored) {
                // the temporary folder is emptied by the system in the end
            }
            file = null;
        }
    }

    private void discard() {
        deleteUpload();
        if (refusedFile != null) {
            try {
                Files.deleteIfExists(Path.of(refusedFile));
            } catch (IOException ignored) {
                // as above
            }
            refusedFile = null;
        }
    }

    @PreDestroy
    void leave() {
        discard();
    }

    public boolean isChecked() {
        return report != null && !report.fileRefused();
    }

    public boolean isHasRefusedRows() {
        return refusedFile != null;
    }

    public UploadedFile getUpload() { return upload; }
    public void setUpload(UploadedFile upload) { this.upload = upload; }
    public ImportReport getReport() { return report; }
    public ImportReport getResult() { return result; }
    public boolean isLinkKnownPersons() { return linkKnownPersons; }
    public void setLinkKnownPersons(boolean linkKnownPersons) { this.linkKnownPersons = linkKnownPersons; }
}
