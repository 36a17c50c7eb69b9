package kz.qorgau.web.faces;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qorgau.preference.Language;
import kz.qorgau.preference.UserPreferences;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The language of the pages: the one she chose in the header, kept with her user name so that it follows her to the
 * next sign-in and the next computer; until she chooses, the browser's language if Qorgau speaks it, else Russian.
 * A cookie holds the last choice for the moments without a user: Keycloak's sign-in form (asked for it by
 * {@code ui_locales}) and the pages before the session knows her.
 */
@Named
@SessionScoped
public class LanguageChoice implements Serializable {

    /** Holds only a language code: nothing about the person. */
    public static final String COOKIE = "qorgau-language";
    private static final Logger LOG = Logger.getLogger(LanguageChoice.class.getName());
    private static final int A_YEAR = 365 * 24 * 3600;

    @Inject
    CurrentUser user;

    @Inject
    UserPreferences preferences;

    private Language chosen;
    /** Whose preference {@code chosen} is: a session outlives a sign-out only until the next sign-in. */
    private String lookedUpFor;

    public Language getCurrent() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String username = user.isSignedIn() ? user.getUsername() : null;
        if (username != null && !username.equals(lookedUpFor) && !"/unavailable.xhtml".equals(request.getServletPath())) {
            try {
                chosen = preferences.language(user.caller()).orElse(null);
                lookedUpFor = username;
            } catch (RuntimeException databaseAway) {
                // the pages say so themselves; the language is looked up again on the next page
                LOG.fine("Language preference not read: " + databaseAway.getClass().getName());
            }
        }
        return chosen != null ? chosen : fromRequest(request);
    }

    public Locale locale() {
        return getCurrent().locale();
    }

    public List<Language> getLanguages() {
        return List.of(Language.values());
    }

    /** Her choice, from now on and at her next sign-in; the same page again, in the new language. */
    public String choose(String code) {
        Optional<Language> language = Language.ofCode(code);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (language.isPresent()) {
            chosen = language.get();
            if (user.isSignedIn()) {
                preferences.chooseLanguage(user.caller(), chosen);
                lookedUpFor = user.getUsername();
            }
            Cookie cookie = new Cookie(COOKIE, chosen.code());
            cookie.setPath(faces.getExternalContext().getRequestContextPath().isEmpty() ? "/" : faces.getExternalContext().getRequestContextPath());
            cookie.setMaxAge(A_YEAR);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            ((HttpServletResponse) faces.getExternalContext().getResponse()).addCookie(cookie);
        }
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    /** The cookie's language, else the first of the browser's languages that Qorgau speaks, else Russian. */
    public static Language fromRequest(HttpServletRequest request) {
        Optional<Language> remembered = cookie(request);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        try {
            if (request.getHeader("Accept-Language") != null) {
                for (Locale wanted : Collections.list(request.getLocales())) {
                    Optional<Language> spoken = Language.ofCode(wanted.getLanguage());
                    if (spoken.isPresent()) {
                        return spoken.get();
                    }
                }
            }
        } catch (RuntimeException malformedHeader) {
            // a header the container cannot read counts as none
        }
        return Language.DEFAULT;
    }

    public static Optional<Language> cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName())) {
                return Language.ofCode(c.getValue());
            }
        }
        return Optional.empty();
    }
}
