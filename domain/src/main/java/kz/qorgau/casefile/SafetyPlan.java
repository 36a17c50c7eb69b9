package kz.qorgau.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.InvalidInputException;

import java.time.Instant;

/**
 * What the victim and her worker agreed to do if danger returns: whom to call, where to go. Kept apart from the case
 * file because police and others must never read it; versioned so that two workers cannot overwrite each other.
 */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan {

    public static final int MAX_LENGTH = 8000;

    @Id
    @Column(name = "case_file_id")
    private Long caseFileId;

    private String text;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected SafetyPlan() {
    }

    public SafetyPlan(Long caseFileId) {
        this.caseFileId = caseFileId;
    }

    public void revise(String text, String by, Instant at) {
        if (text != null && text.length() > MAX_LENGTH) {
            throw new InvalidInputException("case.safetyPlan.tooLong");
        }
        this.text = text == null || text.isBlank() ? null : text.strip();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long caseFileId() {
        return caseFileId;
    }

    public String text() {
        return text == null ? "" : text;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
