package kz.qorgau.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.Sex;
import kz.qorgau.reference.Region;
import kz.qorgau.reference.ReferenceData;

import java.util.List;

/** Choices offered by forms; labels come from the page bundle or the reference data in the view's language. */
@Named
@ApplicationScoped
public class Options {

    @Inject
    ReferenceData reference;

    private volatile List<Region> regions;

    public List<Region> getRegions() {
        if (regions == null) {
            regions = reference.regions();
        }
        return regions;
    }

    public List<kz.qorgau.reference.LegalArticle> getLegalArticles() {
        return reference.legalArticles();
    }

    public kz.qorgau.casefile.RiskLevel[] getRiskLevels() {
        return kz.qorgau.casefile.RiskLevel.values();
    }

    public kz.qorgau.casefile.ConsentScope[] getConsentScopes() {
        return kz.qorgau.casefile.ConsentScope.values();
    }

    public kz.qorgau.casefile.IncidentContext[] getIncidentContexts() {
        return kz.qorgau.casefile.IncidentContext.values();
    }

    public kz.qorgau.casefile.Relationship[] getRelationships() {
        return kz.qorgau.casefile.Relationship.values();
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public CaseKind[] getCaseKinds() {
        return CaseKind.values();
    }

    public GbvType[] getGbvTypes() {
        return GbvType.values();
    }
}
