package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.qorgau.importing.ImportJob;
import kz.qorgau.importing.LegacyImportService;
import kz.qorgau.importing.RowProblem;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Page;
import kz.qorgau.shared.PageRequest;
import kz.qorgau.web.faces.ImportProblems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The imports of the caller's organisation, as jobs: how far one is, and when it is over what it found, and the
 * rows it refused as a CSV to fix. The same that the import page shows; only for those who import.
 */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportJobsApi {

    @Inject
    ApiCaller caller;

    @Inject
    LegacyImportService imports;

    @jakarta.ws.rs.core.Context
    HttpHeaders headers;

    /** A job as a program polls it: {@code status} CHECKING or WRITING while it runs, {@code percent} of the rows. */
    public record Job(Long id, String status, boolean running, boolean interrupted, int percent, String format,
                      boolean validRowsOnly, boolean linkKnownPersons, String importedBy, Instant startedAt,
                      Instant finishedAt, int rowsRead, int rowsChecked, int rowsToImport, int rowsImported,
                      int rowsRefused, int alreadyImported, int personsLinked, int problemCount,
                      List<ImportApi.Problem> problems) {
    }

    @GET
    @Operation(summary = "The organisation's imports, newest first, a page at a time (problems left out)")
    public Page<Job> imports(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size) {
        PageRequest request = new PageRequest(first, size);
        Locale locale = language();
        List<Job> jobs = imports.history(caller.get(), first, size).stream()
                .map(j -> job(j, locale, false)).toList();
        return Page.of(jobs, imports.historySize(caller.get()), request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One import: its progress while it runs, and what it found")
    @APIResponse(responseCode = "404", description = "no such import in the caller's organisation")
    public Job importJob(@PathParam("id") long id) {
        return job(imports.job(caller.get(), id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException()), language());
    }

    @GET
    @Path("{id}/refused-rows")
    @Produces("text/csv")
    @Operation(summary = "The rows an import of the valid rows only refused, with an error column, to fix and send again")
    @APIResponse(responseCode = "404", description = "no such import, not of the valid rows only, or no longer kept (a day)")
    public Response refusedRows(@PathParam("id") long id) {
        Caller who = caller.get();
        if (!imports.hasRefusedRows(who, id)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        jakarta.ws.rs.core.StreamingOutput body = out -> imports.copyRefusedRows(who, id, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"refused-rows.csv\"").build();
    }

    private Locale language() {
        return ApiErrors.Problem.language(headers.getAcceptableLanguages());
    }

    static Job job(ImportJob j, Locale locale) {
        return job(j, locale, true);
    }

    /** A job as the API tells it; a list leaves each one's problems out. */
    private static Job job(ImportJob j, Locale locale, boolean withProblems) {
        Instant now = Instant.now();
        return new Job(j.id(), j.status().name(), j.running(now), j.interrupted(now), j.percent(), j.format().name(),
                j.validRowsOnly(), j.linkKnownPersons(), j.importedBy(), j.startedAt(), j.finishedAt(), j.rowsRead(),
                j.rowsChecked(), j.rowsToImport(), j.rowsImported(), j.rowsRefused(), j.alreadyImported(),
                j.personsLinked(), j.problemCount(), withProblems ? problems(j.problems(), locale) : List.of());
    }

    static List<ImportApi.Problem> problems(List<RowProblem> problems, Locale locale) {
        return problems.stream().map(p -> new ImportApi.Problem(p.row(), p.column() == null ? null : p.column().header(),
                p.key(), ImportProblems.message(p, locale), ImportProblems.expected(p, locale))).toList();
    }
}
