package kz.qorgau.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.qorgau.shared.Text;
import kz.qorgau.shared.persistence.Writes;

import java.util.List;
import java.util.Optional;

/**
 * Regions, organisations and legal articles. Regions change by migration only; organisations and legal articles
 * also through {@link ReferenceDataAdmin}. Lists hold inactive entries too: choices filter them, old records need them.
 */
@ApplicationScoped
public class ReferenceData {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    public List<Region> regions() {
        return em.createQuery("select r from Region r order by r.code", Region.class).getResultList();
    }

    public List<LegalArticle> legalArticles() {
        return em.createQuery("select a from LegalArticle a order by a.legalCode, a.code", LegalArticle.class).getResultList();
    }

    public Optional<LegalArticle> legalArticle(String code) {
        return possibleCode(code) ? Optional.ofNullable(em.find(LegalArticle.class, code)) : Optional.empty();
    }

    public Optional<Region> region(String code) {
        return possibleCode(code) ? Optional.ofNullable(em.find(Region.class, code)) : Optional.empty();
    }

    public List<Organisation> organisations() {
        return em.createQuery("select o from Organisation o order by o.name", Organisation.class).getResultList();
    }

    public Optional<Organisation> organisation(String code) {
        return possibleCode(code) ? Optional.ofNullable(em.find(Organisation.class, code)) : Optional.empty();
    }

    /**
     * The reference data's change counter (V46): it moves with every change the admin commits, on whichever node, so
     * a node's cached lists are current while it stands where it stood when they were read.
     */
    public long version() {
        return ((Number) em.createNativeQuery("select version from reference_data_version").getSingleResult()).longValue();
    }

    /** Moves the counter in the change's own transaction: other nodes see the change and the counter together. */
    void changed() {
        em.createNativeQuery("update reference_data_version set version = version + 1").executeUpdate();
    }

    /** A code typed or sent by a caller is looked up only if PostgreSQL could hold it; any other names nothing. */
    private static boolean possibleCode(String code) {
        return code != null && code.length() <= 100 && Text.problem(code, null).isEmpty();
    }

    /** A new organisation or legal article, written in the caller's transaction. */
    void add(Object organisationOrArticle) {
        em.persist(organisationOrArticle);
    }

    /** Writes now, so that a code taken at the same moment by someone else is refused with {@code duplicateKey}. */
    void flush(String duplicateKey) {
        Writes.flush(em, duplicateKey);
    }
}
