package kz.qorgau.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import kz.qorgau.casefile.CaseFile;

/** A case that came from an organisation's older records, under the key it had there (unique per organisation). */
@Entity
@Table(name = "legacy_case")
public class LegacyCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_code", updatable = false)
    private String organisationCode;

    @Column(name = "legacy_id", updatable = false)
    private String legacyId;

    // a relation rather than an id, so that the case and its key are written in one flush
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id", updatable = false)
    private CaseFile caseFile;

    @Column(name = "import_id", updatable = false)
    private Long importId;

    protected LegacyCase() {
    }

    LegacyCase(String organisationCode, String legacyId, CaseFile caseFile, Long importId) {
        this.organisationCode = organisationCode;
        this.legacyId = legacyId;
        this.caseFile = caseFile;
        this.importId = importId;
    }
}
