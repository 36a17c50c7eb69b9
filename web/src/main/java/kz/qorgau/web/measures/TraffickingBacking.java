package kz.qorgau.web.measures;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.shared.Clocks;
import kz.qorgau.trafficking.ExploitationType;
import kz.qorgau.trafficking.IdentificationStatus;
import kz.qorgau.trafficking.MeansOfControl;
import kz.qorgau.trafficking.RecruitmentType;
import kz.qorgau.trafficking.IdentificationView;
import kz.qorgau.trafficking.TraffickingService;
import kz.qorgau.web.cases.CaseBacking;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The trafficking identification section of a case page; police record it. */
@Named
@ViewScoped
public class TraffickingBacking implements Serializable {

    @Inject
    TraffickingService trafficking;

    @Inject
    CurrentUser user;

    @Inject
    CaseBacking casePage;

    private String caseNumber;
    private IdentificationStatus status;
    private LocalDate decidedOn = LocalDate.now(Clocks.KAZAKHSTAN);
    private List<ExploitationType> exploitation = new ArrayList<>();
    private List<MeansOfControl> control = new ArrayList<>();
    private String countryOfRecruitment;
    private String countryOfExploitation;
    private RecruitmentType recruitment;

    @PostConstruct
    void init() {
        caseNumber = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("n");
    }

    /** The identification, from the case page's one read; null while there is none. */
    public IdentificationView getCurrent() {
        return casePage.getView().trafficking().orElse(null);
    }

    public void identify() {
        long version = getCurrent() == null ? -1 : getCurrent().version();
        Messages.attempt(() -> trafficking.identify(user.caller(), caseNumber, version, status, decidedOn,
                exploitation.isEmpty() ? EnumSet.noneOf(ExploitationType.class) : EnumSet.copyOf(exploitation),
                control.isEmpty() ? EnumSet.noneOf(MeansOfControl.class) : EnumSet.copyOf(control),
                countryOfRecruitment, countryOfExploitation, recruitment));
        casePage.reload();
    }

    public IdentificationStatus[] getStatuses() { return IdentificationStatus.values(); }
    public ExploitationType[] getExploitationTypes() { return ExploitationType.values(); }
    public MeansOfControl[] getMeansOfControl() { return MeansOfControl.values(); }
    public RecruitmentType[] getRecruitmentTypes() { return RecruitmentType.values(); }

    public IdentificationStatus getStatus() { return status; }
    public void setStatus(IdentificationStatus v) { status = v; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public void setDecidedOn(LocalDate v) { decidedOn = v; }
    public List<ExploitationType> getExploitation() { return exploitation; }
    public void setExploitation(List<ExploitationType> v) { exploitation = v; }
    public List<MeansOfControl> getControl() { return control; }
    public void setControl(List<MeansOfControl> v) { control = v; }
    public String getCountryOfRecruitment() { return countryOfRecruitment; }
    public void setCountryOfRecruitment(String v) { countryOfRecruitment = v; }
    public String getCountryOfExploitation() { return countryOfExploitation; }
    public void setCountryOfExploitation(String v) { countryOfExploitation = v; }
    public RecruitmentType getRecruitment() { return recruitment; }
    public void setRecruitment(RecruitmentType v) { recruitment = v; }
}
