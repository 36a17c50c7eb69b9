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

    // Read once, not on every render; dropped when the admin changes reference data (see referenceDataChanged).
    private volatile List<kz.qorgau.reference.Organisation> organisations;
    private volatile List<kz.qorgau.reference.LegalArticle> legalArticles;

    /** Organisations of one type that new records may name: deactivated ones are no longer offered. */
    public List<kz.qorgau.reference.Organisation> organisationsOf(kz.qorgau.reference.OrganisationType type) {
        return allOrganisations().stream().filter(o -> o.active() && o.type() == type).toList();
    }

    public List<kz.qorgau.reference.Organisation> organisationsOf(java.util.Set<kz.qorgau.reference.OrganisationType> types) {
        return allOrganisations().stream().filter(o -> o.active() && types.contains(o.type())).toList();
    }

    /** A region's name in this language; the code if it is unknown. */
    public String regionName(String code, java.util.Locale locale) {
        return getRegions().stream().filter(r -> r.code().equals(code)).findFirst().map(r -> r.name(locale)).orElse(code);
    }

    /** A country's name in this language, from its ISO 3166 code; a dash when there is none. */
    public String countryName(String code, java.util.Locale locale) {
        return code == null || code.isBlank() ? "—" : new java.util.Locale("", code).getDisplayCountry(locale);
    }

    public List<kz.qorgau.reference.Organisation> getCourts() {
        return organisationsOf(kz.qorgau.reference.OrganisationType.COURT);
    }

    /** The name of any organisation, a deactivated one too, for records that name it; the code if it is unknown. */
    public String organisationName(String code) {
        return allOrganisations().stream().filter(o -> o.code().equals(code)).findFirst()
                .map(kz.qorgau.reference.Organisation::name).orElse(code);
    }

    private List<kz.qorgau.reference.Organisation> allOrganisations() {
        List<kz.qorgau.reference.Organisation> all = organisations;
        if (all == null) {
            all = reference.organisations();
            organisations = all;
        }
        return all;
    }

    /** Legal articles in force, for new incidents. */
    public List<kz.qorgau.reference.LegalArticle> getLegalArticles() {
        List<kz.qorgau.reference.LegalArticle> all = legalArticles;
        if (all == null) {
            all = reference.legalArticles().stream().filter(kz.qorgau.reference.LegalArticle::active).toList();
            legalArticles = all;
        }
        return all;
    }

    /** Once the admin's change is committed, the next render reads the lists afresh. */
    void referenceDataChanged(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                              kz.qorgau.reference.ReferenceDataChanged change) {
        organisations = null;
        legalArticles = null;
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

    /** Countries by ISO 3166 code, named and sorted in the view's language; Kazakhstan first. */
    public List<Country> countries(java.util.Locale locale) {
        java.text.Collator collator = java.text.Collator.getInstance(locale);
        List<Country> all = new java.util.ArrayList<>(java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .map(code -> new Country(code, new java.util.Locale("", code).getDisplayCountry(locale)))
                .sorted(java.util.Comparator.comparing(Country::name, collator))
                .toList());
        all.sort(java.util.Comparator.comparing(c -> !"KZ".equals(c.code())));
        return all;
    }

    public record Country(String code, String name) {
    }

    public kz.qorgau.casefile.IdentityDocumentType[] getDocumentTypes() {
        return kz.qorgau.casefile.IdentityDocumentType.values();
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
