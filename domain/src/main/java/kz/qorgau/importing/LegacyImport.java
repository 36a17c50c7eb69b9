package kz.qorgau.importing;

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
 * One import that wrote cases: who, when, how many rows went which way, and the file's SHA-256 so that the same file
 * can be recognised later. Not its name: file names of such records are often a woman's name. Recorded once.
 */
@Entity
@Table(name = "legacy_import")
public class LegacyImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_code", updatable = false)
    private String organisationCode;

    @Column(name = "imported_by", updatable = false)
    private String importedBy;

    @Column(name = "imported_at", updatable = false)
    private Instant importedAt;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ImportFormat format;

    @Column(name = "content_sha256", updatable = false)
    private String contentSha256;

    @Column(name = "rows_read", updatable = false)
    private int rowsRead;

    @Column(name = "rows_imported", updatable = false)
    private int rowsImported;

    @Column(name = "rows_refused", updatable = false)
    private int rowsRefused;

    @Column(name = "rows_known", updatable = false)
    private int rowsKnown;

    @Column(name = "persons_linked", updatable = false)
    private int personsLinked;

    protected LegacyImport() {
    }

    LegacyImport(String organisationCode, String importedBy, Instant importedAt, ImportFormat format, String contentSha256,
                 int rowsRead, int rowsImported, int rowsRefused, int rowsKnown, int personsLinked) {
        this.organisationCode = organisationCode;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
        this.format = format;
        this.contentSha256 = contentSha256;
        this.rowsRead = rowsRead;
        this.rowsImported = rowsImported;
        this.rowsRefused = rowsRefused;
        this.rowsKnown = rowsKnown;
        this.personsLinked = personsLinked;
    }

    public Long id() {
        return id;
    }
}
