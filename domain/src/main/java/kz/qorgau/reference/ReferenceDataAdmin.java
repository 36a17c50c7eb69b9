package kz.qorgau.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Permission;

import java.util.List;
import java.util.function.Consumer;

/**
 * The admin's maintenance of organisations and legal articles: add, rename, deactivate, reactivate; never delete,
 * since cases, referrals and orders point at them. Only {@link Permission#REFERENCE_DATA_ADMIN} may; the permission
 * brings no case content. Every change is audited by record type and code, never with names of people.
 */
@ApplicationScoped
@Transactional
@Audited
public class ReferenceDataAdmin {

    static final String ORGANISATION = "Organisation";
    static final String LEGAL_ARTICLE = "LegalArticle";

    @Inject
    ReferenceData reference;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ReferenceDataChanged> changed;

    /** Every organisation, the inactive ones too, by name. */
    public List<Organisation> organisations(Caller caller) {
        caller.require(Permission.REFERENCE_DATA_ADMIN);
        return reference.organisations();
    }

    /** Every legal article, the inactive ones too. */
    public List<LegalArticle> legalArticles(Caller caller) {
        caller.require(Permission.REFERENCE_DATA_ADMIN);
        return reference.legalArticles();
    }

    public void addOrganisation(Caller caller, String code, String name, OrganisationType type, String regionCode) {
        caller.require(Permission.REFERENCE_DATA_ADMIN);
        Organisation organisation = new Organisation(code, name, type, regionCode);
        organisation.regionCode().ifPresent(region -> reference.region(region)
                .orElseThrow(() -> new InvalidInputException("reference.region.unknown")));
        if (reference.organisation(organisation.code()).isPresent()) {
            throw new InvalidInputException("reference.code.duplicate");
        }
        reference.add(organisation);
        reference.flush("reference.code.duplicate");
        done(caller, AuditAction.CREATE, ORGANISATION, organisation.code(), "added");
    }

    /** {@code version} is the organisation's version as the admin saw it, here and below. */
    public void renameOrganisation(Caller caller, String code, long version, String name) {
        changeOrganisation(caller, code, version, "renamed", o -> o.rename(name));
    }

    public void deactivateOrganisation(Caller caller, String code, long version) {
        changeOrganisation(caller, code, version, "deactivated", Organisation::deactivate);
    }

    public void reactivateOrganisation(Caller caller, String code, long version) {
        changeOrganisation(caller, code, version, "reactivated", Organisation::reactivate);
    }

    public void addLegalArticle(Caller caller, String code, String legalCode, String article, String titleRu,
                                String titleKk, String titleEn) {
        caller.require(Permission.REFERENCE_DATA_ADMIN);
        LegalArticle added = new LegalArticle(code, legalCode, article, titleRu, titleKk, titleEn);
        if (reference.legalArticle(added.code()).isPresent()) {
            throw new InvalidInputException("reference.code.duplicate");
        }
        reference.add(added);
        reference.flush("reference.code.duplicate");
        done(caller, AuditAction.CREATE, LEGAL_ARTICLE, added.code(), "added");
    }

    public void retitleLegalArticle(Caller caller, String code, long version, String titleRu, String titleKk, String titleEn) {
        changeLegalArticle(caller, code, version, "retitled", a -> a.retitle(titleRu, titleKk, titleEn));
    }

    public void deactivateLegalArticle(Caller caller, String code, long version) {
        changeLegalArticle(caller, code, version, "deactivated", LegalArticle::deactivate);
    }

    public void reactivateLegalArticle(Caller caller, String code, long version) {
        changeLegalArticle(caller, code, version, "reactivated", LegalArticle::reactivate);
    }

    private void changeOrganisation(Caller caller, String code, long version, String what, Consumer<Organisation> change) {
        caller.require(Permission.REFERENCE_DATA_ADMIN);
        Organisation organisation = reference.organisation(code)
                .orElseThrow(() -> new InvalidInputException("reference.notFound"));
        if (organisation.version() != version) {
            throw new ConcurrentChangeException("reference.changedByOthers");
        }
        change.accept(organisation);
        reference.flush(null);
        done(caller, AuditAction.CHANGE, ORGANISATION, organisation.code(), what);
    }

    private void changeLegalArticle(Caller caller, String code, long version, String what, Consumer<LegalArticle> change) {
        caller.require(Permission.REFERENCE_DATA_ADMIN);
        LegalArticle article = reference.legalArticle(code)
                .orElseThrow(() -> new InvalidInputException("reference.notFound"));
        if (article.version() != version) {
            throw new ConcurrentChangeException("reference.changedByOthers");
        }
        change.accept(article);
        reference.flush(null);
        done(caller, AuditAction.CHANGE, LEGAL_ARTICLE, article.code(), what);
    }

    /** Audit rows carry the code (reference data is no one's personal data) and what happened, not the new texts. */
    private void done(Caller caller, AuditAction action, String recordType, String code, String what) {
        audit.record(caller, action, recordType, null, null, code + " " + what);
        reference.changed();
        changed.fire(new ReferenceDataChanged(recordType, code));
    }
}
