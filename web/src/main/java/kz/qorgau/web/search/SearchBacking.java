package kz.qorgau.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.search.CaseSearch;
import kz.qorgau.search.SearchHit;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.util.List;

/**
 * The search box in the header and its results. What was typed travels in the form's POST and the results page is
 * a forward, never a redirect: a name or an IIN never appears in an address, a browser's history or a server log.
 */
@Named
@RequestScoped
public class SearchBacking {

    @Inject
    CaseSearch search;

    @Inject
    CurrentUser user;

    private String text;
    private List<SearchHit> hits;

    public boolean isAvailable() {
        return user.isSignedIn() && search.available(user.caller());
    }

    public String search() {
        try {
            hits = search.search(user.caller(), text);
        } catch (RuntimeException failure) {
            Messages.refused(QorgauException.behind(failure).orElseThrow(() -> failure));
            hits = null;
        }
        return "/search";
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<SearchHit> getHits() {
        return hits;
    }

    public boolean isSearched() {
        return hits != null;
    }

    public int getLimit() {
        return CaseSearch.LIMIT;
    }
}
