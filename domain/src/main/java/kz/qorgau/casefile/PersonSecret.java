package kz.qorgau.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a victim lives now and where she shelters: the most dangerous facts Qorgau keeps. A table of their own, so
 * that queries for anyone but the owning organisation never touch them and access to them can be audited alone.
 */
@Entity
@Table(name = "person_secret")
public class PersonSecret {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "current_address")
    private String currentAddress;

    @Column(name = "shelter_location")
    private String shelterLocation;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected PersonSecret() {
    }

    public PersonSecret(Long personId) {
        this.personId = personId;
    }

    public void record(String currentAddress, String shelterLocation, String by, Instant at) {
        this.currentAddress = currentAddress == null || currentAddress.isBlank() ? null : currentAddress.strip();
        this.shelterLocation = shelterLocation == null || shelterLocation.isBlank() ? null : shelterLocation.strip();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public long version() {
        return version;
    }

    public Long personId() {
        return personId;
    }

    public Optional<String> currentAddress() {
        return Optional.ofNullable(currentAddress);
    }

    public Optional<String> shelterLocation() {
        return Optional.ofNullable(shelterLocation);
    }
}
