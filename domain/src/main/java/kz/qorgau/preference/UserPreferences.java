package kz.qorgau.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.shared.Caller;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What each signed-in user chose for herself, kept by her user name. Only her own: there is no way to read or set
 * another user's preferences, so no permission beyond being signed in is asked.
 */
@ApplicationScoped
@Transactional
public class UserPreferences {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Clock clock;

    /** The language she chose, if she ever did. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Language> language(Caller caller) {
        if (!caller.hasAnyRole()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select language from user_preference where username = ?1")
                .setParameter(1, caller.username())
                .getResultList();
        return rows.stream().findFirst().flatMap(code -> Language.ofCode((String) code));
    }

    /** From now on her pages are in this language; one statement, so that two tabs choosing at once cannot collide. */
    public void chooseLanguage(Caller caller, Language language) {
        if (!caller.hasAnyRole()) {
            return; // a user without a role sees only the no-access page; nothing to keep for her
        }
        em.createNativeQuery("""
                        insert into user_preference (username, language, changed_at) values (?1, ?2, ?3)
                        on conflict (username) do update set language = excluded.language, changed_at = excluded.changed_at""")
                .setParameter(1, caller.username())
                .setParameter(2, language.code())
                .setParameter(3, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
