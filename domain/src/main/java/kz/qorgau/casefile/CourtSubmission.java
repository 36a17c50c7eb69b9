package kz.qorgau.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A case brought before a court, which from then on may read it. */
@Entity
@Table(name = "court_submission")
public class CourtSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_file_id")
    private Long caseFileId;

    @Column(name = "court_code")
    private String courtCode;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected CourtSubmission() {
    }

    public CourtSubmission(Long caseFileId, String courtCode, String submittedBy, Instant submittedAt) {
        this.caseFileId = caseFileId;
        this.courtCode = courtCode;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public String courtCode() {
        return courtCode;
    }
}
