package kz.qorgau.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.qorgau.shared.InvalidInputException;

import java.time.Instant;

/**
 * A counselling note: what the worker heard and did, dated and signed. Append-only — a note is never changed or
 * deleted once saved (the database refuses it too); a correction is a further note. Kept apart from the case file
 * because only those who work on the case and the region's supervisor may read it.
 */
@Entity
@Table(name = "case_note")
public class CaseNote {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_file_id", updatable = false)
    private Long caseFileId;

    @Column(name = "author_username", updatable = false)
    private String authorUsername;

    @Column(name = "author_organisation_code", updatable = false)
    private String authorOrganisationCode;

    @Column(name = "written_at", updatable = false)
    private Instant writtenAt;

    @Column(name = "text", updatable = false)
    private String text;

    protected CaseNote() {
    }

    private CaseNote(Long caseFileId, String text, String authorUsername, String authorOrganisationCode, Instant writtenAt) {
        this.caseFileId = caseFileId;
        this.text = text;
        this.authorUsername = authorUsername;
        this.authorOrganisationCode = authorOrganisationCode;
        this.writtenAt = writtenAt;
    }

    /** A new note; the text is required, trimmed, and at most {@value #MAX_LENGTH} characters. */
    public static CaseNote write(Long caseFileId, String text, String authorUsername, String authorOrganisationCode,
                                 Instant writtenAt) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("case.note.required");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidInputException("case.note.tooLong");
        }
        return new CaseNote(caseFileId, trimmed, authorUsername, authorOrganisationCode, writtenAt);
    }

    public Long id() {
        return id;
    }

    public Long caseFileId() {
        return caseFileId;
    }

    public String authorUsername() {
        return authorUsername;
    }

    public String authorOrganisationCode() {
        return authorOrganisationCode;
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    public String text() {
        return text;
    }
}
