package kz.qorgau.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/**
 * An article of the Criminal Code or the Code of Administrative Offences that can qualify an incident. When the law
 * changes, the admin adds the new article and deactivates the old one: incidents qualified under it keep it.
 * The Russian title is required; Kazakh and English fall back to it until they are written.
 */
@Entity
@Table(name = "legal_article")
public class LegalArticle {

    static final int SHORT_TEXT = 20;
    static final int TITLE_LENGTH = 300;

    @Id
    private String code;

    @Column(name = "legal_code")
    private String legalCode;

    private String article;

    @Column(name = "title_ru")
    private String titleRu;

    @Column(name = "title_kk")
    private String titleKk;

    @Column(name = "title_en")
    private String titleEn;

    private boolean active;

    @jakarta.persistence.Version
    private long version;

    protected LegalArticle() {
    }

    /** A new article, e.g. {@code UK-108-1}, "УК РК", "ст. 108-1", with its titles. */
    public LegalArticle(String code, String legalCode, String article, String titleRu, String titleKk, String titleEn) {
        this.code = ReferenceCode.checked(code);
        this.legalCode = ReferenceCode.requiredText(legalCode, SHORT_TEXT, "reference.article.legalCodeRequired");
        this.article = ReferenceCode.requiredText(article, SHORT_TEXT, "reference.article.numberRequired");
        retitle(titleRu, titleKk, titleEn);
        this.active = true;
    }

    /** New titles, as when the law renames an article or a translation is corrected. */
    public void retitle(String ru, String kk, String en) {
        this.titleRu = ReferenceCode.requiredText(ru, TITLE_LENGTH, "reference.article.titleRequired");
        this.titleKk = ReferenceCode.optionalText(kk, TITLE_LENGTH, "reference.article.titleRequired");
        this.titleEn = ReferenceCode.optionalText(en, TITLE_LENGTH, "reference.article.titleRequired");
    }

    /** No longer offered for new incidents; incidents already qualified under it keep it. */
    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    public String code() {
        return code;
    }

    public String legalCode() {
        return legalCode;
    }

    public String article() {
        return article;
    }

    public boolean active() {
        return active;
    }

    public String title(Locale locale) {
        String title = switch (locale.getLanguage()) {
            case "kk" -> titleKk;
            case "en" -> titleEn;
            default -> titleRu;
        };
        return title == null ? titleRu : title;
    }

    public String titleRu() {
        return titleRu;
    }

    public String titleKk() {
        return titleKk == null ? "" : titleKk;
    }

    public String titleEn() {
        return titleEn == null ? "" : titleEn;
    }

    public String label(Locale locale) {
        return legalCode + " " + article + " — " + title(locale);
    }

    public long version() {
        return version;
    }
}
