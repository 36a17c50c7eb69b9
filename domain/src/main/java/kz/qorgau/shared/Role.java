package kz.qorgau.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static kz.qorgau.shared.Permission.*;

/**
 * The realm roles of Keycloak, as the application understands them: each a bundle of permissions, so that rules ask
 * what a caller may do, never who she is.
 */
public enum Role {
    SOCIAL_WORKER("social-worker", CASE_OPEN, CASE_READ_OWN_ORGANISATION, CASE_WORK, SAFETY_PLAN_READ, SAFETY_PLAN_WRITE,
            SECRET_ADDRESS, REFERRAL_MAKE, COURT_SUBMIT, NOTES_READ, NOTES_WRITE, STATISTICS_ORGANISATION),
    POLICE("police", CASE_READ_OWN_REGION, PROTECTIVE_ORDER_ISSUE, TRAFFICKING_IDENTIFY, COURT_SUBMIT,
            STATISTICS_POLICE_UNIT),
    COURT("court", CASE_READ_BROUGHT_BEFORE_COURT, COURT_MANDATE_RECORD, STATISTICS_COURT),
    NGO("ngo", REFERRAL_ANSWER, STATISTICS_PROVIDER),
    SUPERVISOR("supervisor", CASE_READ_OWN_REGION, CASE_APPROVE_CLOSURE, SAFETY_PLAN_READ, BREAK_GLASS, NOTES_READ,
            CASE_ASSIGN, BREAK_GLASS_REVIEW, STATISTICS_REGION),
    ANALYST("analyst", STATISTICS_NATIONAL),
    ADMIN("admin", REFERENCE_DATA_ADMIN);

    /** Role names as declared to the container; must match the realm and {@code web.xml}. */
    public static final String[] NAMES = Arrays.stream(values()).map(Role::realmName).toArray(String[]::new);

    private final String realmName;
    private final Set<Permission> permissions;

    Role(String realmName, Permission... permissions) {
        this.realmName = realmName;
        this.permissions = permissions.length == 0 ? EnumSet.noneOf(Permission.class) : EnumSet.of(permissions[0], permissions);
    }

    public String realmName() {
        return realmName;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<Role> ofRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }
}
