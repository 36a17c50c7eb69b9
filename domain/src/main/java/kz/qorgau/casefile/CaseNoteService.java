package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.access.CaseAction;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.persistence.Writes;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counselling notes of a case. Read by those who work on it and the region's supervisor, written by those who work on
 * it; every read and every note written is audited, and neither the audit trail nor the timeline ever holds a word
 * of a note.
 */
@ApplicationScoped
@Transactional
@Audited
public class CaseNoteService {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    CaseWorkService work;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A note as a page shows it. */
    public record NoteView(Long id, Instant writtenAt, String authorUsername, String authorOrganisationCode, String text)
            implements java.io.Serializable {
    }

    /** A page of a case's notes, newest first, and how many it has; refused to anyone who may not read them. */
    public kz.qorgau.shared.Page<NoteView> notes(Caller caller, String number, kz.qorgau.shared.PageRequest page) {
        CaseFile file = work.accessed(caller, number, CaseAction.READ_NOTES).file();
        audit.record(caller, AuditAction.READ, "CaseNote", null, file.id(), null);
        List<NoteView> items = em.createQuery("select n from CaseNote n where n.caseFileId = :id order by n.writtenAt desc, n.id desc",
                        CaseNote.class)
                .setParameter("id", file.id())
                .setFirstResult(page.first())
                .setMaxResults(page.size())
                .getResultStream()
                .map(CaseNoteService::view)
                .toList();
        long total = em.createQuery("select count(n) from CaseNote n where n.caseFileId = :id", Long.class)
                .setParameter("id", file.id()).getSingleResult();
        return kz.qorgau.shared.Page.of(items, total, page);
    }

    /** The notes of a case opened for its page, newest first; the page's read as a whole is audited, not this part. */
    public List<NoteView> notesOf(CaseWorkService.Accessed accessed) {
        accessed.access().require(CaseAction.READ_NOTES);
        return query(accessed.file());
    }

    private List<NoteView> query(CaseFile file) {
        return em.createQuery("select n from CaseNote n where n.caseFileId = :id order by n.writtenAt desc, n.id desc",
                        CaseNote.class)
                .setParameter("id", file.id())
                .getResultStream()
                .map(CaseNoteService::view)
                .toList();
    }

    private static NoteView view(CaseNote n) {
        return new NoteView(n.id(), n.writtenAt(), n.authorUsername(), n.authorOrganisationCode(), n.text());
    }

    /** Adds a note; nothing is ever changed or removed, a correction is a further note. */
    public void write(Caller caller, String number, String text) {
        CaseFile file = work.accessed(caller, number, CaseAction.WRITE_NOTE).file();
        file.requireNotClosed();
        Instant now = Instant.now(clock);
        CaseNote note = CaseNote.write(file.id(), text, caller.username(), caller.organisationCode().orElse(null), now);
        em.persist(note);
        Writes.flush(em);
        timeline.record(file.id(), CaseEventKind.NOTE_WRITTEN, caller, null, now);
        audit.record(caller, AuditAction.CREATE, "CaseNote", note.id(), file.id(), null);
    }
}
