package kz.qorgau.web.cases;

import jakarta.faces.context.FacesContext;
import kz.qorgau.casefile.CaseExportRow;
import kz.qorgau.web.faces.Options;
import kz.qorgau.web.lists.ListFiles;
import kz.qorgau.web.lists.ListFiles.Column;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The case list as a file ({@link ListFiles}): number, victim, region, kind, status, opening, assignee and risk. */
public final class CaseListFiles {

    public static final List<Column<CaseExportRow>> COLUMNS = List.of(
            new Column<>("case.number", (f, r) -> r.number()),
            new Column<>("case.familyName", (f, r) -> r.victimFamilyName()),
            new Column<>("case.givenName", (f, r) -> r.victimGivenName()),
            new Column<>("case.region", (f, r) -> f.region(r.regionCode())),
            new Column<>("case.kind", (f, r) -> f.name("kind.", r.kind())),
            new Column<>("case.status", (f, r) -> f.name("status.", r.status())),
            new Column<>("case.openedAt", (f, r) -> ListFiles.moment(r.openedAt())),
            new Column<>("case.assignedTo", (f, r) -> ListFiles.text(r.assignedTo())),
            new Column<>("case.risk", (f, r) -> f.name("risk.", r.riskLevel())));

    private final ListFiles files;

    CaseListFiles(FacesContext faces) {
        this.files = new ListFiles(faces);
    }

    /** For the API, which has no page: the page bundle in the caller's language. */
    public CaseListFiles(Locale locale, Options options) {
        this.files = new ListFiles(locale, options);
    }

    public void write(ListFiles.Format format, OutputStream out, ListFiles.Rows<CaseExportRow> rows) {
        files.write(format, out, "nav.cases", COLUMNS, rows);
    }
}
