package kz.qorgau.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.Sex;
import kz.qorgau.reference.LegalArticle;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.reference.ReferenceDataChanged;
import kz.qorgau.reference.Region;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** Choices offered by forms; labels come from the page bundle or the reference data in the view's language. */
@Named
@ApplicationScoped
public class Options {

    /**
     * How long a change the admin made on another node may go unseen here. The admin's own node looks at once (see
     * referenceDataChanged); every node looks at the database's change counter at most this often. The counter was
     * chosen over the Data Grid's messages (Payara's clustered CDI events, a Hazelcast topic): it needs no grid, so it
     * works the same with {@code --nocluster}, in the tests and on Kubernetes, and a node that restarts or lost the
     * grid for a while cannot miss a change, since it compares instead of waiting to be told. It costs one one-row
     * query per node every few seconds.
     */
    static final Duration LOOK_AGAIN_AFTER = Duration.ofSeconds(5);
    private static final long LOOK_AGAIN_NANOS = LOOK_AGAIN_AFTER.toNanos();

    @Inject
    ReferenceData reference;

    LongSupplier nanoTime = System::nanoTime;

    // Read once, not on every render; replaced whole when the counter moved, so a list read before a change never
    // lands among those read after it.
    private volatile Lists lists = new Lists(Long.MIN_VALUE);
    private volatile long lookedAt;
    private volatile boolean lookNow = true;

    /** The choice lists as read at one version of the reference data, each on first use. */
    private static final class Lists {
        final long version;
        volatile List<Region> regions;
        volatile List<Organisation> organisations;
        volatile List<LegalArticle> legalArticles;

        Lists(long version) {
            this.version = version;
        }
    }

    public List<Region> getRegions() {
        Lists current = current();
        List<Region> all = current.regions;
        if (all == null) {
            all = reference.regions();
            current.regions = all;
        }
        return all;
    }

    /** Organisations of one type that new records may name: deactivated ones are no longer offered. */
    public List<Organisation> organisationsOf(OrganisationType type) {
        return allOrganisations().stream().filter(o -> o.active() && o.type() == type).toList();
    }

    public List<Organisation> organisationsOf(java.util.Set<OrganisationType> types) {
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

    public List<Organisation> getCourts() {
        return organisationsOf(OrganisationType.COURT);
    }

    /** The name of any organisation, a deactivated one too, for records that name it; the code if it is unknown. */
    public String organisationName(String code) {
        return allOrganisations().stream().filter(o -> o.code().equals(code)).findFirst()
                .map(Organisation::name).orElse(code);
    }

    private List<Organisation> allOrganisations() {
        Lists current = current();
        List<Organisation> all = current.organisations;
        if (all == null) {
            all = reference.organisations();
            current.organisations = all;
        }
        return all;
    }

    /** Legal articles in force, for new incidents. */
    public List<LegalArticle> getLegalArticles() {
        Lists current = current();
        List<LegalArticle> all = current.legalArticles;
        if (all == null) {
            all = reference.legalArticles().stream().filter(LegalArticle::active).toList();
            current.legalArticles = all;
        }
        return all;
    }

    /** Once the admin's change is committed here, the next render looks at the counter without waiting. */
    void referenceDataChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferenceDataChanged change) {
        lookNow = true;
    }

    /** The lists of the reference data as they stand, after a look at the counter when the last is a while ago. */
    private Lists current() {
        if (lookNow || nanoTime.getAsLong() - lookedAt >= LOOK_AGAIN_NANOS) {
            synchronized (this) {
                if (lookNow || nanoTime.getAsLong() - lookedAt >= LOOK_AGAIN_NANOS) {
                    lookNow = false;
                    try {
                        long version = reference.version();
                        if (version != lists.version) {
                            lists = new Lists(version);
                        }
                    } catch (RuntimeException e) {
                        // the database away for a moment: what was read stands until the next look
                    }
                    lookedAt = nanoTime.getAsLong();
                }
            }
        }
        return lists;
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
