package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseNumber;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.DuplicateCheck;
import kz.qorgau.casefile.Iin;
import kz.qorgau.casefile.IntakeStep;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.PersonSearch;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intake as a short wizard: look the person up first, then the person, the incident, risk, consents and a safety plan,
 * each step checked on its own, and a last step that opens the whole case in one service call. Until then everything
 * lives in this view only: a social worker who leaves half-way has saved nothing.
 */
@Named
@ViewScoped
public class NewCaseBacking implements Serializable {

    /** The pages of the wizard, in order; all but the first and last check one {@link IntakeStep}. */
    public enum Step {
        SEARCH(null), PERSON(IntakeStep.PERSON), INCIDENT(IntakeStep.INCIDENT), RISK(IntakeStep.RISK),
        CONSENT(IntakeStep.CONSENT), SAFETY_PLAN(IntakeStep.SAFETY_PLAN), REVIEW(null);

        private final IntakeStep checks;

        Step(IntakeStep checks) {
            this.checks = checks;
        }

        public int number() {
            return ordinal() + 1;
        }
    }

    @Inject
    CaseFileService cases;

    @Inject
    ReferenceData reference;

    @Inject
    CurrentUser user;

    private final NewCaseFile form = new NewCaseFile();
    private final Map<ConsentScope, Boolean> consents = new EnumMap<>(ConsentScope.class);
    private Step step = Step.SEARCH;
    private Step furthest = Step.SEARCH;

    private String searchIin;
    private String searchFamilyName;
    private String searchGivenName;
    private LocalDate searchBirthDate;
    /** What the last check looked for, and what it answered; null until she has searched. */
    private PersonSearch searched;
    private DuplicateCheck duplicates;
    /** What she has looked for and, having seen the answer, gone on with a new person all the same. */
    private PersonSearch acknowledged;
    /** On the person step: the details as entered match someone known, shown to her, and she has not yet gone on. */
    private boolean personKnown;
    private CaseNumber opened;

    @PostConstruct
    void init() {
        // a case belongs to the region of the organisation that opens it: there is nothing to choose
        form.setRegionCode(user.caller().organisationCode().flatMap(reference::organisation)
                .flatMap(Organisation::regionCode).or(() -> user.caller().regionCode()).orElse(null));
        for (ConsentScope scope : ConsentScope.values()) {
            consents.put(scope, false);
        }
    }

    // --- step 1: is she known? ---

    public void search() {
        try {
            PersonSearch search = new PersonSearch(searchIin, searchFamilyName, searchGivenName, searchBirthDate);
            duplicates = cases.possibleDuplicates(user.caller(), search, 0);
            searched = search;
        } catch (QorgauException refused) {
            // no answer to an earlier search stays on the screen as if it were this one's
            duplicates = null;
            searched = null;
            Messages.refused(refused);
        }
    }

    /** The next page of the cases of her partition that match. */
    public void moreDuplicates() {
        try {
            duplicates = duplicates.withMore(cases.possibleDuplicates(user.caller(), searched, duplicates.visible().size()));
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
    }

    /** Nobody she may open is this woman: go on with a new person, starting from what she searched by. */
    public void newPerson() {
        if (duplicates == null) {
            Messages.refused(new InvalidInputException("case.duplicates.searchFirst"));
            return;
        }
        if (furthest == Step.SEARCH) {
            form.setIin(searched.iin());
            form.setFamilyName(searched.familyName());
            form.setGivenName(searched.givenName());
            form.setBirthDate(searched.birthDate());
            encodedInIin(searched).ifPresent(iin -> {
                iin.birthDate().filter(d -> form.getBirthDate() == null).ifPresent(form::setBirthDate);
                iin.sex().ifPresent(form::setSex);
            });
        }
        acknowledged = searched;
        moveTo(Step.PERSON);
    }

    /**
     * She knows neither an IIN nor a date of birth (a woman without papers, say): nothing can be searched yet, so she
     * goes on with what she typed, and the person step looks her up as soon as an IIN or a date of birth is entered.
     */
    public void withoutSearch() {
        if (furthest == Step.SEARCH) {
            form.setFamilyName(blankToNull(searchFamilyName));
            form.setGivenName(blankToNull(searchGivenName));
        }
        searched = null;
        duplicates = null;
        acknowledged = null;
        moveTo(Step.PERSON);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Optional<Iin> encodedInIin(PersonSearch search) {
        try {
            return Iin.ofNullable(search.iin());
        } catch (InvalidInputException notAnIin) {
            return Optional.empty();
        }
    }

    // --- moving between steps ---

    /** Checks this step alone; on the person step, also whether the person as now entered is already known. */
    public void next() {
        try {
            applyConsents();
            if (step.checks != null) {
                cases.checkStep(user.caller(), form, step.checks);
            }
            if (step == Step.PERSON && knownAsEntered()) {
                return;
            }
            moveTo(Step.values()[step.ordinal() + 1]);
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
    }

    /**
     * Looks again for what she entered beyond what she searched by: a possible duplicate is shown before a new
     * person is created, and she goes on only once she has said it is someone else.
     */
    private boolean knownAsEntered() {
        PersonSearch entered = PersonSearch.of(form);
        Optional<PersonSearch> pending = entered.beyond(acknowledged);
        if (pending.isEmpty()) {
            return false;
        }
        duplicates = cases.possibleDuplicates(user.caller(), pending.get(), 0);
        searched = pending.get();
        personKnown = duplicates.found();
        if (!personKnown) {
            acknowledged = entered;
        }
        return personKnown;
    }

    /** She has seen the possible duplicates on the person step and goes on with a new person all the same. */
    public void confirmOtherPerson() {
        acknowledged = PersonSearch.of(form);
        personKnown = false;
        next();
    }

    /** Back one step, keeping what was typed on this one, checked or not. */
    public void back() {
        applyConsents();
        personKnown = false;
        if (step.ordinal() > 0) {
            step = Step.values()[step.ordinal() - 1];
        }
    }

    /** From the review, straight to a step already passed, to change it. */
    public void edit(Step target) {
        if (target.ordinal() <= furthest.ordinal()) {
            step = target;
        }
    }

    private void moveTo(Step target) {
        step = target;
        personKnown = false;
        if (target.ordinal() > furthest.ordinal()) {
            furthest = target;
        }
    }

    private void applyConsents() {
        form.setConsents(consents.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet()));
    }

    // --- the last step ---

    /**
     * Opens the case with everything entered, in one call; on success she is on her new case. Pressed again in the same
     * view (the browser's back button, a second click), it opens nothing more and takes her to the case it opened.
     */
    public String open() {
        if (opened != null) {
            return "/cases/case?faces-redirect=true&n=" + opened;
        }
        try {
            applyConsents();
            CaseNumber number = cases.open(user.caller(), form);
            opened = number;
            Messages.flashInfo("case.opened", number.toString());
            return "/cases/case?faces-redirect=true&n=" + number;
        } catch (QorgauException refused) {
            Messages.refused(refused);
            return null;
        }
    }

    // --- for the page ---

    public List<Step> getSteps() {
        return Arrays.asList(Step.values());
    }

    public Step getStep() {
        return step;
    }

    public boolean at(String name) {
        return step.name().equals(name);
    }

    public boolean reached(Step candidate) {
        return candidate.ordinal() <= furthest.ordinal();
    }

    public NewCaseFile getForm() {
        return form;
    }

    public Map<ConsentScope, Boolean> getConsents() {
        return consents;
    }

    public List<ConsentScope> getChosenConsents() {
        return form.getConsents().stream().sorted().toList();
    }

    public DuplicateCheck getDuplicates() {
        return duplicates;
    }

    /** On the person step: a check made there found someone, and she has not yet said it is someone else. */
    public boolean isPersonKnown() {
        return step == Step.PERSON && personKnown;
    }

    public String getRegionName() {
        return reference.region(form.getRegionCode())
                .map(r -> r.name(jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale()))
                .orElse("—");
    }

    public String getSearchIin() { return searchIin; }
    public void setSearchIin(String searchIin) { this.searchIin = searchIin; }
    public String getSearchFamilyName() { return searchFamilyName; }
    public void setSearchFamilyName(String searchFamilyName) { this.searchFamilyName = searchFamilyName; }
    public String getSearchGivenName() { return searchGivenName; }
    public void setSearchGivenName(String searchGivenName) { this.searchGivenName = searchGivenName; }
    public LocalDate getSearchBirthDate() { return searchBirthDate; }
    public void setSearchBirthDate(LocalDate searchBirthDate) { this.searchBirthDate = searchBirthDate; }
}
