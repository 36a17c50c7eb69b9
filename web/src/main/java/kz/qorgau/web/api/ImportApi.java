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
import kz.qorgau.importing.ImportFiles;
import kz.qorgau.importing.ImportFormat;
import kz.qorgau.importing.ImportOptions;
import kz.qorgau.importing.ImportReport;
import kz.qorgau.importing.LegacyImportService;
import kz.qorgau.importing.LegacyRows;
import kz.qorgau.web.faces.ImportProblems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Bulk import of old records over HTTP: the body is a file of the import template (CSV or XLSX), read by the same
 * domain code as the import page. A check answers at once; an import runs in the background as a job to poll
 * ({@link ImportJobsApi}). The body is kept in a temporary file (owner-only) for the two readings, and deleted when
 * the check or the job ends; at most {@link LegacyRows#MAX_BYTES} plus one byte is kept, so a larger body is refused saying
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

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    public enum Mode { CHECK, ALL, VALID }

    /** A problem for programs (row, column, key) and for people (message and hint in the caller's language). */
    public record Problem(int row, String column, String key, String message, String expected) {
    }

    public record Report(int rows, int valid, int refused, int alreadyImported, int knownPersons, boolean written,
                         int imported, Long importId, int problemCount, List<Problem> problems) {
    }

    @POST
    @Consumes({"text/csv", XLSX})
    @Operation(summary = "Checks a file of the import template (one case per row), or starts importing it — all or"
            + " nothing, or the valid rows only — in the background; the same rules and audit as the import page")
    @APIResponse(responseCode = "200", description = "checked (mode CHECK): the report, nothing saved")
    @APIResponse(responseCode = "202", description = "the import is started: poll the job at the Location header")
    @APIResponse(responseCode = "400", description = "mode CHECK: the file is not the template (too large, not UTF-8, a"
            + " column missing): a problem (application/problem+json) with the report as its extension 'report'")
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
        Locale locale = ApiErrors.Problem.language(headers.getAcceptableLanguages());
        java.nio.file.Path file = ImportFiles.upload(format);
        boolean handedOver = false;
        try {
            copyAtMost(body, file, LegacyRows.MAX_BYTES + 1);
            if (m == Mode.CHECK) {
                ImportReport report = imports.check(caller.get(), file, format);
                if (report.fileRefused()) {
                    // a problem like every refusal, the report beside it for the row-by-row details
                    Report told = report(report, locale);
                    return Response.status(400).type(ApiErrors.PROBLEM_JSON_TYPE).entity(ApiErrors.Problem.told(400,
                            told.problems().stream().map(Problem::key).toList(),
                            told.problems().stream().map(Problem::message).toList(), locale, ApiErrors.path(uri))
                            .withReport(told)).build();
                }
                return Response.ok(report(report, locale), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
            }
            Long id = imports.start(caller.get(), file, null, format, new ImportOptions(link, m == Mode.VALID),
                    p -> ImportProblems.text(p, locale));
            handedOver = true;
            return Response.accepted(ImportJobsApi.job(imports.job(caller.get(), id).orElseThrow(), locale))
                    .location(uri.getBaseUriBuilder().path(ImportJobsApi.class).path(String.valueOf(id)).build())
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } finally {
            if (!handedOver) {
                ImportFiles.delete(file);
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

    static Report report(ImportReport r, Locale locale) {
        return new Report(r.rows(), r.valid(), r.refused(), r.alreadyImported(), r.knownPersons(), r.written(),
                r.imported(), r.importId(), r.problemCount(), ImportJobsApi.problems(r.problems(), locale));
    }
}
