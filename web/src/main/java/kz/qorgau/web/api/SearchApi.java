package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.search.CaseSearch;
import kz.qorgau.search.SearchHit;

import java.util.List;

/**
 * The search box for other systems: a case number, an IIN or a name in either alphabet, within the caller's
 * partition. A POST, so that what is searched for never appears in an address or an access log.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    @Inject
    ApiCaller caller;

    @Inject
    CaseSearch search;

    public record Search(String text) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public List<SearchHit> search(Search query) {
        return search.search(caller.get(), Bodies.required(query).text());
    }
}
