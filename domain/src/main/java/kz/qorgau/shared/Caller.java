package kz.qorgau.shared;

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
