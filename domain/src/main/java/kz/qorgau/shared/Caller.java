package kz.qorgau.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The person asking, as the identity provider vouched for them: user name, roles, organisation and region.
 * Application services take a caller and decide from its permissions; pages never decide on their own.
 */
public record Caller(String username, Set<Role> roles, Optional<String> organisationCode, Optional<String> regionCode,
                     String origin) {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(regionCode, "regionCode");
        origin = origin == null ? "" : origin;
    }

    /** A caller without a network origin: tests, demo data, jobs. */
    public Caller(String username, Set<Role> roles, Optional<String> organisationCode, Optional<String> regionCode) {
        this(username, roles, organisationCode, regionCode, "");
    }

    /**
     * The one place where an identity from Keycloak becomes a caller: the realm roles in its {@code groups} claim
     * (other entries, such as default roles, mean nothing here), and its {@code organisation} and {@code region} claims.
     */
    public static Caller fromToken(String username, Collection<String> groups, Optional<String> organisation,
                                   Optional<String> region, String origin) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groups.forEach(g -> Role.ofRealmName(g).ifPresent(roles::add));
        return new Caller(username, roles, organisation.filter(s -> !s.isBlank()), region.filter(s -> !s.isBlank()), origin);
    }

    public boolean may(Permission permission) {
        return roles.stream().anyMatch(r -> r.permissions().contains(permission));
    }

    public void require(Permission permission) {
        if (!may(permission)) {
            throw new AccessDeniedException(permission);
        }
    }

    public boolean hasAnyRole() {
        return !roles.isEmpty();
    }
}
