package kz.qorgau.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.reference.LegalArticle;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceDataAdmin;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** The admin's page of organisations and legal articles: forms to add, dialogs to rename, buttons to (de)activate. */
@Named
@ViewScoped
public class ReferenceAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferenceDataAdmin admin;

    @Inject
    CurrentUser user;

    private transient List<Organisation> organisations;
    private transient List<LegalArticle> legalArticles;

    private String code;
    private String name;
    private OrganisationType type;
    private String regionCode;

    private String articleCode;
    private String legalCode;
    private String article;
    private String titleRu;
    private String titleKk;
    private String titleEn;

    /** The entry a dialog edits. */
    private String selectedCode;
    /** Its version as the page showed it: a change made meanwhile by another admin is refused, not overwritten. */
    private long selectedVersion;
    private String newName;
    private boolean deactivatingArticle;
    private String newTitleRu;
    private String newTitleKk;
    private String newTitleEn;

    public List<Organisation> getOrganisations() {
        if (organisations == null) {
            organisations = admin.organisations(user.caller());
        }
        return organisations;
    }

    public List<LegalArticle> getLegalArticles() {
        if (legalArticles == null) {
            legalArticles = admin.legalArticles(user.caller());
        }
        return legalArticles;
    }

    public OrganisationType[] getTypes() {
        return OrganisationType.values();
    }

    public void addOrganisation() {
        if (attempt(() -> admin.addOrganisation(user.caller(), code, name, type, regionCode))) {
            code = null;
            name = null;
            type = null;
            regionCode = null;
        }
    }

    public void startRename(Organisation organisation) {
        selectedCode = organisation.code();
        selectedVersion = organisation.version();
        newName = organisation.name();
    }

    public void rename() {
        attempt(() -> admin.renameOrganisation(user.caller(), selectedCode, selectedVersion, newName));
    }

    public void startDeactivatingOrganisation(Organisation organisation) {
        selectedCode = organisation.code();
        selectedVersion = organisation.version();
        deactivatingArticle = false;
    }

    public void startDeactivatingArticle(LegalArticle legalArticle) {
        selectedCode = legalArticle.code();
        selectedVersion = legalArticle.version();
        deactivatingArticle = true;
    }

    /** Deactivates what the confirmation dialog names. */
    public void deactivateSelected() {
        if (deactivatingArticle) {
            attempt(() -> admin.deactivateLegalArticle(user.caller(), selectedCode, selectedVersion));
        } else {
            attempt(() -> admin.deactivateOrganisation(user.caller(), selectedCode, selectedVersion));
        }
    }

    public void reactivateOrganisation(Organisation organisation) {
        attempt(() -> admin.reactivateOrganisation(user.caller(), organisation.code(), organisation.version()));
    }

    public void addLegalArticle() {
        if (attempt(() -> admin.addLegalArticle(user.caller(), articleCode, legalCode, article, titleRu, titleKk, titleEn))) {
            articleCode = null;
            legalCode = null;
            article = null;
            titleRu = null;
            titleKk = null;
            titleEn = null;
        }
    }

    public void startRetitle(LegalArticle legalArticle) {
        selectedCode = legalArticle.code();
        selectedVersion = legalArticle.version();
        newTitleRu = legalArticle.titleRu();
        newTitleKk = legalArticle.titleKk();
        newTitleEn = legalArticle.titleEn();
    }

    public void retitle() {
        attempt(() -> admin.retitleLegalArticle(user.caller(), selectedCode, selectedVersion, newTitleRu, newTitleKk, newTitleEn));
    }

    public void reactivateArticle(LegalArticle legalArticle) {
        attempt(() -> admin.reactivateLegalArticle(user.caller(), legalArticle.code(), legalArticle.version()));
    }

    /** Runs a change; the lists are read again either way, since someone else may have changed them meanwhile. */
    private boolean attempt(Runnable change) {
        organisations = null;
        legalArticles = null;
        try {
            change.run();
            Messages.info("case.saved");
            return true;
        } catch (QorgauException refused) {
            Messages.refused(refused);
            return false;
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrganisationType getType() { return type; }
    public void setType(OrganisationType type) { this.type = type; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getArticleCode() { return articleCode; }
    public void setArticleCode(String articleCode) { this.articleCode = articleCode; }
    public String getLegalCode() { return legalCode; }
    public void setLegalCode(String legalCode) { this.legalCode = legalCode; }
    public String getArticle() { return article; }
    public void setArticle(String article) { this.article = article; }
    public String getTitleRu() { return titleRu; }
    public void setTitleRu(String titleRu) { this.titleRu = titleRu; }
    public String getTitleKk() { return titleKk; }
    public void setTitleKk(String titleKk) { this.titleKk = titleKk; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getSelectedCode() { return selectedCode; }
    public boolean isDeactivatingArticle() { return deactivatingArticle; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public String getNewTitleRu() { return newTitleRu; }
    public void setNewTitleRu(String newTitleRu) { this.newTitleRu = newTitleRu; }
    public String getNewTitleKk() { return newTitleKk; }
    public void setNewTitleKk(String newTitleKk) { this.newTitleKk = newTitleKk; }
    public String getNewTitleEn() { return newTitleEn; }
    public void setNewTitleEn(String newTitleEn) { this.newTitleEn = newTitleEn; }
}
