package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import kz.qorgau.shared.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** The caller of an API request, from its verified bearer token, through the same mapping as a page's user. */
@RequestScoped
public class ApiCaller {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
            caller = Caller.fromToken(token.getName(), groups, claim("organisation"), claim("region"), request.getRemoteAddr());
        }
        return caller;
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value instanceof String s ? s : null;
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
