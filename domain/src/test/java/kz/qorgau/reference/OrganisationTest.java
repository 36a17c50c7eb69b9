package kz.qorgau.reference;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationTest {

    @Test
    void aNewOrganisationIsInUseWithItsCheckedCodeAndName() {
        Organisation ngo = new Organisation(" SHY-NGO ", "  НПО «Шанс» (Шымкент) ", OrganisationType.NGO, "SHY");
        assertThat(ngo.code()).isEqualTo("SHY-NGO");
        assertThat(ngo.name()).isEqualTo("НПО «Шанс» (Шымкент)");
        assertThat(ngo.type()).isEqualTo(OrganisationType.NGO);
        assertThat(ngo.regionCode()).contains("SHY");
        assertThat(ngo.active()).isTrue();
    }

    @Test
    void aNationalBodyHasNoRegion() {
        assertThat(new Organisation("MIN-X", "Министерство", OrganisationType.MINISTRY, " ").regionCode()).isEmpty();
        assertThat(new Organisation("MIN-Y", "Министерство", OrganisationType.MINISTRY, null).regionCode()).isEmpty();
    }

    @Test
    void needsAWellFormedCodeANameAndAType() {
        assertThatThrownBy(() -> new Organisation("shy ngo", "НПО", OrganisationType.NGO, "SHY"))
                .hasMessage("reference.code.format");
        assertThatThrownBy(() -> new Organisation("SHY-NGO", "  ", OrganisationType.NGO, "SHY"))
                .hasMessage("reference.name.required");
        assertThatThrownBy(() -> new Organisation("SHY-NGO", "x".repeat(201), OrganisationType.NGO, "SHY"))
                .hasMessage("reference.name.required");
        assertThatThrownBy(() -> new Organisation("SHY-NGO", "НПО", null, "SHY"))
                .hasMessage("reference.organisation.typeRequired");
    }

    @Test
    void isRenamedDeactivatedAndReactivatedButKeepsItsCode() {
        Organisation ngo = new Organisation("SHY-NGO", "НПО «Шанс»", OrganisationType.NGO, "SHY");
        ngo.rename(" НПО «Новый шанс» ");
        assertThat(ngo.name()).isEqualTo("НПО «Новый шанс»");
        assertThatThrownBy(() -> ngo.rename("")).hasMessage("reference.name.required");
        assertThat(ngo.name()).isEqualTo("НПО «Новый шанс»");

        ngo.deactivate();
        assertThat(ngo.active()).isFalse();
        assertThat(ngo.name()).as("old records still show its name").isEqualTo("НПО «Новый шанс»");
        ngo.reactivate();
        assertThat(ngo.active()).isTrue();
        assertThat(ngo.code()).isEqualTo("SHY-NGO");
    }

    @Test
    void aLegalArticleNeedsItsRussianTitleAndFallsBackToIt() {
        LegalArticle article = new LegalArticle("UK-NEW-1", "УК РК", "ст. 1", "Новая статья", "", null);
        assertThat(article.active()).isTrue();
        assertThat(article.label(Locale.forLanguageTag("kk"))).isEqualTo("УК РК ст. 1 — Новая статья");
        assertThat(article.label(Locale.ENGLISH)).isEqualTo("УК РК ст. 1 — Новая статья");

        article.retitle("Новая статья", "Жаңа бап", "New article");
        assertThat(article.label(Locale.forLanguageTag("kk"))).endsWith("Жаңа бап");
        assertThat(article.label(Locale.ENGLISH)).endsWith("New article");
        assertThat(article.label(Locale.forLanguageTag("ru"))).endsWith("Новая статья");

        assertThatThrownBy(() -> article.retitle(" ", "Жаңа бап", "New article"))
                .hasMessage("reference.article.titleRequired");
        assertThatThrownBy(() -> new LegalArticle("UK NEW", "УК РК", "ст. 1", "Статья", null, null))
                .hasMessage("reference.code.format");
        assertThatThrownBy(() -> new LegalArticle("UK-NEW", " ", "ст. 1", "Статья", null, null))
                .hasMessage("reference.article.legalCodeRequired");
        assertThatThrownBy(() -> new LegalArticle("UK-NEW", "УК РК", null, "Статья", null, null))
                .hasMessage("reference.article.numberRequired");

        article.deactivate();
        assertThat(article.active()).isFalse();
    }
}
