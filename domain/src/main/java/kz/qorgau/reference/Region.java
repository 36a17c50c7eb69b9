package kz.qorgau.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/** One of the 20 top-level units: 17 regions and the cities of Astana, Almaty and Shymkent. Reference data by migration. */
@Entity
@Table(name = "region")
public class Region {

    @Id
    private String code;

    @Column(name = "iso_code")
    private String isoCode;

    @Column(name = "name_ru")
    private String nameRu;

    @Column(name = "name_kk")
    private String nameKk;

    @Column(name = "name_en")
    private String nameEn;

    protected Region() {
    }

    public String code() {
        return code;
    }

    public String isoCode() {
        return isoCode;
    }

    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "kk" -> nameKk;
            case "en" -> nameEn;
            default -> nameRu;
        };
    }
}
