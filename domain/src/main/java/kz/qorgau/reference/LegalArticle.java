package kz.qorgau.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/** An article of the Criminal Code or the Code of Administrative Offences that can qualify an incident. */
@Entity
@Table(name = "legal_article")
public class LegalArticle {

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

    protected LegalArticle() {
    }

    public String code() {
        return code;
    }

    public String label(Locale locale) {
        String title = switch (locale.getLanguage()) {
            case "kk" -> titleKk;
            case "en" -> titleEn;
            default -> titleRu;
        };
        return legalCode + " " + article + " — " + title;
    }
}
