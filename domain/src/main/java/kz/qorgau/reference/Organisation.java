package kz.qorgau.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.qorgau.shared.InvalidInputException;

import java.util.Optional;

/**
 * An agency that uses Qorgau or receives its referrals. Users belong to one through the {@code organisation} claim.
 * Never deleted, because cases, referrals and orders point at it: an organisation that closes is deactivated, leaves
 * the choices for new records, and keeps its name on the old ones. Its code, type and region do not change.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    static final int NAME_LENGTH = 200;

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    @Column(name = "region_code")
    private String regionCode;

    private boolean active;

    @jakarta.persistence.Version
    private long version;

    protected Organisation() {
    }

    /** A new organisation, in use at once; the region is empty for national bodies. */
    public Organisation(String code, String name, OrganisationType type, String regionCode) {
        this.code = ReferenceCode.checked(code);
        this.name = ReferenceCode.requiredText(name, NAME_LENGTH, "reference.name.required");
        if (type == null) {
            throw new InvalidInputException("reference.organisation.typeRequired");
        }
        this.type = type;
        this.regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode;
        this.active = true;
    }

    public void rename(String newName) {
        this.name = ReferenceCode.requiredText(newName, NAME_LENGTH, "reference.name.required");
    }

    /** Out of the choices for new referrals, submissions and measures; what already points at it stays. */
    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
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

    public boolean active() {
        return active;
    }

    /** Empty for national bodies such as the ministry. */
    public Optional<String> regionCode() {
        return Optional.ofNullable(regionCode);
    }

    public long version() {
        return version;
    }
}
