package kz.qorgau.breakglass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.qorgau.shared.InvalidInputException;

import java.time.Duration;
import java.time.Instant;

/**
 * A supervisor's emergency access to one case outside her partition: who, why, from when and until when. Granted,
 * never extended or edited: a new need is a new access with a new reason.
 */
@Entity
@Table(name = "break_glass")
public class BreakGlassAccess {

    /** How long an emergency access lasts: long enough for one emergency, short enough not to become a habit. */
    public static final Duration VALIDITY = Duration.ofHours(4);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_file_id")
    private Long caseFileId;

    private String username;

    @Column(name = "organisation_code")
    private String organisationCode;

    @Column(name = "region_code")
    private String regionCode;

    private String reason;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected BreakGlassAccess() {
    }

    public BreakGlassAccess(Long caseFileId, String username, String organisationCode, String regionCode, String reason,
                            Instant now) {
        if (reason == null || reason.strip().length() < 10 || reason.length() > 1000) {
            throw new InvalidInputException("breakGlass.reason.required");
        }
        this.caseFileId = caseFileId;
        this.username = username;
        this.organisationCode = organisationCode;
        this.regionCode = regionCode;
        this.reason = reason.strip();
        this.grantedAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    public boolean activeAt(Instant moment) {
        return !moment.isBefore(grantedAt) && moment.isBefore(expiresAt);
    }

    public Long id() { return id; }
    public Long caseFileId() { return caseFileId; }
    public String username() { return username; }
    public String organisationCode() { return organisationCode; }
    /** The region of the supervisor who broke the glass: its other supervisors review the access. */
    public String regionCode() { return regionCode; }
    public String reason() { return reason; }
    public Instant grantedAt() { return grantedAt; }
    public Instant expiresAt() { return expiresAt; }
}
