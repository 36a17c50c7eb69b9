package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.qorgau.importing.ImportFormat;
import kz.qorgau.importing.ImportOptions;
import kz.qorgau.importing.ImportReport;
import kz.qorgau.importing.LegacyImportService;
import kz.qorgau.importing.LegacyRows;
import kz.qorgau.importing.RefusedRows;
import kz.qorgau.importing.RowProblem;
import kz.qorgau.web.faces.Messages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Bulk import of old records over HTTP: the body is a file of the import template (CSV or XLSX), read by the same
 * domain code as the import page. The body is kept in a temporary file (owner-only) for the two readings, and deleted
 * when the call ends; at most {@link LegacyRows#MAX_BYTES} plus one byte is kept, so a larger body is refused saying
 * the limit without filling the disk.
 */
@Path("cases/import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportApi {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ApiCaller caller;

    @Inject
    LegacyImportService imports;

    @jakarta.ws.rs.core.Context
    HttpHeaders headers;

    public enum Mode { CHECK, ALL, VALID }

    /** A problem for programs (row, column, key) and for people (message and hint in the caller's language). */
    public record Problem(int row, String column, String key, String message, String expected) {
    }

    public record Report(int rows, int valid, int refused, int alreadyImported, int knownPersons, boolean written,
                         int imported, Long importId, int problemCount, List<Problem> problems) {
    }

    @POST
    @Consumes({"text/csv", XLSX})
    @Operation(summary = "Checks or imports a file of the import template (one case per row), all or nothing or the"
            + " valid rows only; the same rules and audit as the import page")
    @APIResponse(responseCode = "200", description = "checked (mode CHECK), or nothing new to write")
    @APIResponse(responseCode = "201", description = "imported: the report says how many cases were created")
    @APIResponse(responseCode = "400", description = "the file is not the template: too large, not UTF-8, a column missing")
    @APIResponse(responseCode = "422", description = "rows have problems and nothing was written (mode ALL)")
    public Response importFile(
            @Parameter(description = "CHECK (nothing saved), ALL (only if every row is valid) or VALID (the valid rows only)")
            @QueryParam("mode") @DefaultValue("CHECK") String mode,
            @Parameter(description = "link a row to a person already known in the caller's partition by the same IIN")
            @QueryParam("linkKnownPersons") @DefaultValue("false") boolean link,
            InputStream body) {
        Mode m;
        try {
            m = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException();
        }
        MediaType type = headers.getMediaType();
        ImportFormat format = type != null && type.isCompatible(MediaType.valueOf(XLSX)) ? ImportFormat.XLSX : ImportFormat.CSV;
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("qorgau-import-", format == ImportFormat.CSV ? ".csv" : ".xlsx",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            copyAtMost(body, file, LegacyRows.MAX_BYTES + 1);
            ImportReport report = m == Mode.CHECK
                    ? imports.check(caller.get(), file, format)
                    : imports.run(caller.get(), file, format, new ImportOptions(link, m == Mode.VALID), RefusedRows.NONE);
            int status = report.fileRefused() ? 400
                    : report.written() && report.imported() > 0 ? 201
                    : m == Mode.CHECK || report.written() || report.problemCount() == 0 ? 200 : 422;
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(report(report)).build();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the system's temporary folder is emptied in the end
                }
            }
        }
    }

    private static void copyAtMost(InputStream in, java.nio.file.Path file, long limit) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long left = limit;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; left -= n) {
                out.write(buffer, 0, n);
            }
        }
    }

    private Report report(ImportReport r) {
        Locale locale = ApiErrors.Problem.language(headers.getAcceptableLanguages());
        List<Problem> problems = r.problems().stream().map(p -> new Problem(p.row(),
                p.column() == null ? null : p.column().header(), p.key(), message(p, locale),
                p.expectedKey() == null ? null : Messages.refusal(p.expectedKey(), locale))).toList();
        return new Report(r.rows(), r.valid(), r.refused(), r.alreadyImported(), r.knownPersons(), r.written(),
                r.imported(), r.importId(), r.problemCount(), problems);
    }

    private static String message(RowProblem problem, Locale locale) {
        String text = Messages.refusal(problem.key(), locale);
        return problem.arguments().isEmpty() ? text : new MessageFormat(text, locale).format(problem.arguments().toArray());
    }
}
