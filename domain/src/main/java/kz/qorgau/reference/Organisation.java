package kz.qorgau.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/** An agency that uses Qorgau or receives its referrals. Users belong to one through the {@code organisation} claim. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    @Column(name = "region_code")
    private String regionCode;

    protected Organisation() {
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganisationType type() {
        return type;
    }

    /** Empty for national bodies such as the ministry. */
    public Optional<String> regionCode() {
        return Optional.ofNullable(regionCode);
    }
}
