package kz.qorgau.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of a case's timeline: what happened, when, who did it and for which organisation. Appended by the
 * services as they change things, never edited; it names records by kind, never by their content.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_file_id")
    private Long caseFileId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private CaseEventKind kind;

    @Column(name = "actor_username")
    private String actorUsername;

    @Column(name = "actor_organisation_code")
    private String actorOrganisationCode;

    /** A detail safe to show to every reader of the timeline: a status or type code, never free text. */
    private String detail;

    protected CaseEvent() {
    }

    public CaseEvent(Long caseFileId, Instant occurredAt, CaseEventKind kind, String actorUsername,
                     String actorOrganisationCode, String detail) {
        this.caseFileId = caseFileId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.actorUsername = actorUsername;
        this.actorOrganisationCode = actorOrganisationCode;
        this.detail = detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public CaseEventKind kind() {
        return kind;
    }

    public String actorUsername() {
        return actorUsername;
    }

    public String actorOrganisationCode() {
        return actorOrganisationCode;
    }

    public String detail() {
        return detail;
    }
}
