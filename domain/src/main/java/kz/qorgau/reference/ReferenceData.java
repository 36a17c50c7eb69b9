package kz.qorgau.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Regions and organisations, read-only here; changed by migrations (and later by the admin). */
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

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(Region.class, code));
    }

    public List<Organisation> organisations() {
        return em.createQuery("select o from Organisation o order by o.name", Organisation.class).getResultList();
    }

    public Optional<Organisation> organisation(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(Organisation.class, code));
    }
}
