package kz.qorgau.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Role;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Someone who has signed in to Qorgau, as Keycloak described her at her last sign-in. Users live in Keycloak; this is
 * only what the application needs to let a supervisor pick a social worker for a case, so it may be a little stale.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    private String username;

    @Column(name = "display_name")
    private String displayName;

    /** Realm role names, comma-separated and sorted. */
    private String roles;

    @Column(name = "organisation_code")
    private String organisationCode;

    @Column(name = "region_code")
    private String regionCode;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected StaffMember() {
    }

    public StaffMember(Caller caller, String displayName, Instant seenAt) {
        this.username = caller.username();
        this.displayName = displayName == null || displayName.isBlank() ? caller.username() : displayName.strip();
        this.roles = caller.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(","));
        this.organisationCode = caller.organisationCode().orElse(null);
        this.regionCode = caller.regionCode().orElse(null);
        this.lastSeenAt = seenAt;
    }

    public boolean isSocialWorker() {
        return Arrays.asList(roles.split(",")).contains(Role.SOCIAL_WORKER.realmName());
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String roles() {
        return roles;
    }

    public Optional<String> organisationCode() {
        return Optional.ofNullable(organisationCode);
    }

    public Optional<String> regionCode() {
        return Optional.ofNullable(regionCode);
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
