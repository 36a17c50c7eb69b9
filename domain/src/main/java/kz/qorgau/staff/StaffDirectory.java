package kz.qorgau.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The staff who have signed in, kept up to date at each sign-in, so that supervisors can assign cases to them. */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Clock clock;

    /** At sign-in: who she is now, by Keycloak's word. Users without a role are not staff. */
    public void signedIn(Caller caller, String displayName) {
        if (!caller.hasAnyRole()) {
            return;
        }
        StaffMember seen = new StaffMember(caller, displayName, Instant.now(clock));
        // one statement, so that two sign-ins at once cannot collide
        em.createNativeQuery("""
                        insert into staff_member (username, display_name, roles, organisation_code, region_code, last_seen_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (username) do update set display_name = excluded.display_name, roles = excluded.roles,
                            organisation_code = excluded.organisation_code, region_code = excluded.region_code,
                            last_seen_at = excluded.last_seen_at""")
                .setParameter(1, seen.username())
                .setParameter(2, seen.displayName())
                .setParameter(3, seen.roles())
                .setParameter(4, seen.organisationCode().orElse(null))
                .setParameter(5, seen.regionCode().orElse(null))
                .setParameter(6, java.sql.Timestamp.from(seen.lastSeenAt()))
                .executeUpdate();
    }

    public Optional<StaffMember> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(em.find(StaffMember.class, username));
    }

    /** The social workers of the caller's region, for a supervisor who assigns a case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffMember> socialWorkersOfMyRegion(Caller caller) {
        caller.require(Permission.CASE_ASSIGN);
        if (caller.regionCode().isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from StaffMember s where s.regionCode = :region and concat(',', s.roles, ',') like :role"
                        + " order by s.organisationCode, s.displayName", StaffMember.class)
                .setParameter("region", caller.regionCode().get())
                .setParameter("role", "%," + kz.qorgau.shared.Role.SOCIAL_WORKER.realmName() + ",%")
                .getResultList();
    }
}
