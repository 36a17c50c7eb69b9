package kz.qorgau.importing;

import java.util.Optional;

/**
 * The rules of a row that depend on reference data and on who imports: the same answers intake gives (an unknown
 * region, a region not her organisation's, an article not in force), as message keys.
 */
public interface ImportRules {

    Optional<String> regionRefusal(String regionCode);

    Optional<String> legalArticleRefusal(String articleCode);
}
