package kz.qorgau.reference;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin's rules without a database: reference data in memory, the audit trail and the change event recorded. */
class ReferenceDataAdminTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.of("MIN-IT"), Optional.empty());

    private final Map<String, Organisation> organisations = new LinkedHashMap<>();
    private final Map<String, LegalArticle> articles = new LinkedHashMap<>();
    private final List<String> audited = new ArrayList<>();
    private final List<ReferenceDataChanged> fired = new ArrayList<>();
    private int counterMoved;
    private ReferenceDataAdmin admin;

    @BeforeEach
    void memory() {
        organisations.put("ALM-NGO", new Organisation("ALM-NGO", "Демо-НПО «Помощь» (Алматы)", OrganisationType.NGO, "ALM"));
        articles.put("UK-109-1", new LegalArticle("UK-109-1", "УК РК", "ст. 109-1", "Побои", "Ұрып-соғу", "Battery"));
        admin = new ReferenceDataAdmin();
        admin.reference = new ReferenceData() {
            @Override
            public Optional<Organisation> organisation(String code) {
                return Optional.ofNullable(code == null ? null : organisations.get(code));
            }

            @Override
            public Optional<LegalArticle> legalArticle(String code) {
                return Optional.ofNullable(code == null ? null : articles.get(code));
            }

            @Override
            public Optional<Region> region(String code) {
                return Set.of("ALM", "AST", "SHY").contains(code) ? Optional.of(new Region()) : Optional.empty();
            }

            @Override
            public List<Organisation> organisations() {
                return List.copyOf(organisations.values());
            }

            @Override
            void add(Object entity) {
                if (entity instanceof Organisation o) {
                    organisations.put(o.code(), o);
                } else if (entity instanceof LegalArticle a) {
                    articles.put(a.code(), a);
                }
            }

            @Override
            void flush(String duplicateKey) {
                // in memory there is nothing to write
            }

            @Override
            void changed() {
                counterMoved++;
            }
        };
        admin.audit = new AuditTrail() {
            @Override
            public void record(Caller caller, AuditAction action, String recordType, Long recordId, Long caseFileId,
                               String detail) {
                audited.add(caller.username() + " " + action + " " + recordType + " " + recordId + " " + caseFileId + " " + detail);
            }
        };
        admin.changed = new RecordingEvent();
    }

    @Test
    void theAdminAddsAnOrganisationThatIsAuditedByCodeAndAnnounced() {
        admin.addOrganisation(ADMIN, " SHY-NGO ", "НПО «Шанс» (Шымкент)", OrganisationType.NGO, "SHY");

        assertThat(organisations.get("SHY-NGO")).isNotNull().satisfies(o -> {
            assertThat(o.active()).isTrue();
            assertThat(o.regionCode()).contains("SHY");
        });
        assertThat(audited).containsExactly("admin CREATE Organisation null null SHY-NGO added");
        assertThat(audited.get(0)).doesNotContain("Шанс");
        assertThat(fired).containsExactly(new ReferenceDataChanged("Organisation", "SHY-NGO"));
        assertThat(counterMoved).as("other nodes learn of it from the counter").isEqualTo(1);
    }

    @Test
    void aCodeThatIsTakenIsRefusedClearlyAndNothingChanges() {
        assertThatThrownBy(() -> admin.addOrganisation(ADMIN, "ALM-NGO", "Другое НПО", OrganisationType.NGO, "ALM"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reference.code.duplicate");
        assertThat(organisations.get("ALM-NGO").name()).isEqualTo("Демо-НПО «Помощь» (Алматы)");
        assertThatThrownBy(() -> admin.addLegalArticle(ADMIN, "UK-109-1", "УК РК", "ст. 109-1", "Побои", null, null))
                .hasMessage("reference.code.duplicate");
        assertThat(audited).isEmpty();
        assertThat(fired).isEmpty();
        assertThat(counterMoved).isZero();
    }

    @Test
    void aBadCodeOrAnUnknownRegionIsRefusedBeforeAnythingIsAdded() {
        assertThatThrownBy(() -> admin.addOrganisation(ADMIN, "shy ngo", "НПО", OrganisationType.NGO, "SHY"))
                .hasMessage("reference.code.format");
        assertThatThrownBy(() -> admin.addOrganisation(ADMIN, "XXX-NGO", "НПО", OrganisationType.NGO, "XXX"))
                .hasMessage("reference.region.unknown");
        assertThat(organisations).containsOnlyKeys("ALM-NGO");
        assertThat(audited).isEmpty();
    }

    @Test
    void deactivatingKeepsTheOrganisationAndItsNameAndIsAudited() {
        admin.deactivateOrganisation(ADMIN, "ALM-NGO", 0);
        assertThat(organisations.get("ALM-NGO").active()).isFalse();
        assertThat(organisations.get("ALM-NGO").name()).isEqualTo("Демо-НПО «Помощь» (Алматы)");

        admin.renameOrganisation(ADMIN, "ALM-NGO", 0, "НПО «Помощь» (закрыто)");
        admin.reactivateOrganisation(ADMIN, "ALM-NGO", 0);
        assertThat(organisations.get("ALM-NGO").active()).isTrue();
        assertThat(audited).containsExactly("admin CHANGE Organisation null null ALM-NGO deactivated",
                "admin CHANGE Organisation null null ALM-NGO renamed",
                "admin CHANGE Organisation null null ALM-NGO reactivated");
        assertThat(fired).hasSize(3);
        assertThat(counterMoved).isEqualTo(3);
        assertThatThrownBy(() -> admin.renameOrganisation(ADMIN, "NO-SUCH", 0, "Имя")).hasMessage("reference.notFound");
    }

    @Test
    void aChangeToAVersionTheAdminDidNotSeeIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> admin.renameOrganisation(ADMIN, "ALM-NGO", 1, "Перезаписано"))
                .isInstanceOf(kz.qorgau.shared.ConcurrentChangeException.class).hasMessage("reference.changedByOthers");
        assertThatThrownBy(() -> admin.deactivateLegalArticle(ADMIN, "UK-109-1", 1))
                .isInstanceOf(kz.qorgau.shared.ConcurrentChangeException.class);
        assertThat(organisations.get("ALM-NGO").name()).isEqualTo("Демо-НПО «Помощь» (Алматы)");
        assertThat(articles.get("UK-109-1").active()).isTrue();
        assertThat(audited).isEmpty();
    }

    @Test
    void legalArticlesAreAddedRetitledAndDeactivated() {
        admin.addLegalArticle(ADMIN, "UK-NEW-1", "УК РК", "ст. 1", "Новая статья", null, null);
        admin.retitleLegalArticle(ADMIN, "UK-NEW-1", 0, "Новая статья", "Жаңа бап", "New article");
        admin.deactivateLegalArticle(ADMIN, "UK-109-1", 0);

        assertThat(articles.get("UK-NEW-1").label(Locale.ENGLISH)).isEqualTo("УК РК ст. 1 — New article");
        assertThat(articles.get("UK-109-1").active()).isFalse();
        assertThat(audited).containsExactly("admin CREATE LegalArticle null null UK-NEW-1 added",
                "admin CHANGE LegalArticle null null UK-NEW-1 retitled",
                "admin CHANGE LegalArticle null null UK-109-1 deactivated");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherRoleIsRefusedByTheServiceItself(Role role) {
        Caller other = new Caller("someone", Set.of(role), Optional.of("ALM-SPD"), Optional.of("ALM"));
        List<Consumer<Caller>> attempts = List.of(
                c -> admin.organisations(c),
                c -> admin.legalArticles(c),
                c -> admin.addOrganisation(c, "SHY-NGO", "НПО", OrganisationType.NGO, "SHY"),
                c -> admin.renameOrganisation(c, "ALM-NGO", 0, "Захвачено"),
                c -> admin.deactivateOrganisation(c, "ALM-NGO", 0),
                c -> admin.reactivateOrganisation(c, "ALM-NGO", 0),
                c -> admin.addLegalArticle(c, "UK-NEW-2", "УК РК", "ст. 2", "Статья", null, null),
                c -> admin.retitleLegalArticle(c, "UK-109-1", 0, "Другое", null, null),
                c -> admin.deactivateLegalArticle(c, "UK-109-1", 0),
                c -> admin.reactivateLegalArticle(c, "UK-109-1", 0));
        for (Consumer<Caller> attempt : attempts) {
            assertThatThrownBy(() -> attempt.accept(other)).isInstanceOf(AccessDeniedException.class);
        }
        Caller nobody = new Caller("guest", Set.of(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> admin.deactivateOrganisation(nobody, "ALM-NGO", 0)).isInstanceOf(AccessDeniedException.class);
        assertThat(organisations).containsOnlyKeys("ALM-NGO");
        assertThat(organisations.get("ALM-NGO").active()).isTrue();
        assertThat(organisations.get("ALM-NGO").name()).isEqualTo("Демо-НПО «Помощь» (Алматы)");
        assertThat(articles.get("UK-109-1").active()).isTrue();
        assertThat(audited).isEmpty();
    }

    @Test
    void theAdminsRefusalsAreSaidInEachLanguage() {
        List<String> keys = List.of("reference.code.format", "reference.code.duplicate", "reference.name.required",
                "reference.organisation.typeRequired", "reference.region.unknown", "reference.article.legalCodeRequired",
                "reference.article.numberRequired", "reference.article.titleRequired", "reference.notFound");
        for (String language : new String[]{"ru", "kk", "en"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
            for (String key : keys) {
                assertThat(bundle.containsKey(key)).as(language + " " + key).isTrue();
            }
        }
    }

    private final class RecordingEvent implements Event<ReferenceDataChanged> {
        @Override
        public void fire(ReferenceDataChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends ReferenceDataChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ReferenceDataChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<ReferenceDataChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ReferenceDataChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ReferenceDataChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
