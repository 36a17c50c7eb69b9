package kz.qorgau.casefile;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A child or family member of the victim, part of the case file; {@code dependent} when in her care. */
@Entity
@Table(name = "case_party")
public class RelatedPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id")
    private CaseFile caseFile;

    @ManyToOne(optional = false, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    private PartyRelation relation;

    private boolean dependent;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected RelatedPerson() {
    }

    RelatedPerson(CaseFile caseFile, Person person, PartyRelation relation, boolean dependent, String recordedBy, Instant recordedAt) {
        this.caseFile = caseFile;
        this.person = person;
        this.relation = relation;
        this.dependent = dependent;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Person person() {
        return person;
    }

    public PartyRelation relation() {
        return relation;
    }

    public boolean dependent() {
        return dependent;
    }
}
