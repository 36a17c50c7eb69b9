package kz.qorgau.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.shared.persistence.Retention;
import kz.qorgau.shared.persistence.ScheduledJob;

import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The refused rows of imports of the valid rows only, as the CSV to download, in the database ({@code
 * legacy_import_refused}, V48): written part by part while the import runs, read part by part when downloaded, so that
 * neither side holds the whole file, and any node serves it. Forgotten a day after the import ended.
 */
@ApplicationScoped
public class RefusedRowsStore implements Retention {

    /** Characters of a part: a megabyte or so of text, one row of the table. */
    static final int PART = 256 * 1024;

    static final String KEPT = "1 day";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    /** A writer into the import's parts; each part is committed on its own as it fills, the last on close. */
    Writer writer(Long importId) {
        return new PartWriter(this, importId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(Long importId, int part, String content) {
        em.createNativeQuery("insert into legacy_import_refused (import_id, part, content) values (?1, ?2, ?3)")
                .setParameter(1, importId).setParameter(2, part).setParameter(3, content).executeUpdate();
    }

    /** Whether the import's file is kept (its first part is there), without reading it. */
    @Transactional
    public boolean exists(Long importId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from legacy_import_refused where import_id = ?1 and part = 0)")
                .setParameter(1, importId).getSingleResult();
    }

    /** A part of the import's file, if there is one of that number. */
    @Transactional
    public Optional<String> part(Long importId, int part) {
        @SuppressWarnings("unchecked")
        List<String> content = em.createNativeQuery("select content from legacy_import_refused where import_id = ?1 and part = ?2")
                .setParameter(1, importId).setParameter(2, part).getResultList();
        return content.stream().findFirst();
    }

    @Override
    public ScheduledJob job() {
        return ScheduledJob.FORGET_REFUSED_ROWS;
    }

    /** The parts of imports that ended more than a day ago, or stopped moving a day ago (their node went away). */
    @Override
    @Transactional
    public int forgetOld() {
        return em.createNativeQuery("""
                        delete from legacy_import_refused r using legacy_import i
                        where i.id = r.import_id and coalesce(i.finished_at, i.updated_at) < now() - cast(?1 as interval)""")
                .setParameter(1, KEPT).executeUpdate();
    }

    /** Text collected into parts of {@link #PART} characters, each written when full. */
    private static final class PartWriter extends Writer {

        private final RefusedRowsStore store;
        private final Long importId;
        private final StringBuilder buffer = new StringBuilder(PART);
        private int next;

        PartWriter(RefusedRowsStore store, Long importId) {
            this.store = store;
            this.importId = importId;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            while (length > 0) {
                int room = PART - buffer.length();
                int n = Math.min(room, length);
                buffer.append(chars, offset, n);
                offset += n;
                length -= n;
                if (buffer.length() == PART) {
                    writePart();
                }
            }
        }

        private void writePart() {
            // a letter beyond the basic plane is two chars: both stay in one part, since a part is text of its own
            boolean split = buffer.length() > 0 && Character.isHighSurrogate(buffer.charAt(buffer.length() - 1));
            char carried = split ? buffer.charAt(buffer.length() - 1) : 0;
            store.append(importId, next++, buffer.substring(0, buffer.length() - (split ? 1 : 0)));
            buffer.setLength(0);
            if (split) {
                buffer.append(carried);
            }
        }

        @Override
        public void flush() {
            // a part is written when full, or at the end: a flush of the CSV printer must not make tiny parts
        }

        @Override
        public void close() {
            if (buffer.length() > 0 || next == 0) {
                writePart();
            }
        }
    }
}
