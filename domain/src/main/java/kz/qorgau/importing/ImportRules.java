package kz.qorgau.importing;

import java.util.Optional;

/**
 * The rules of a row that depend on reference data and on who imports: the same answers intake gives (an unknown
 * region, a region not her organisation's, an article not in force, an order's unit that is not
 * police, a provider that provides no services), as message keys.
 */
public interface ImportRules {

    Optional<String> regionRefusal(String regionCode);

    Optional<String> legalArticleRefusal(String articleCode);

    /** An order's unit: a police unit of the reference data. */
    Optional<String> policeUnitRefusal(String organisationCode);

    /** A referral's provider: an active provider of services, not the importing organisation itself. */
    Optional<String> providerRefusal(String organisationCode);
}
