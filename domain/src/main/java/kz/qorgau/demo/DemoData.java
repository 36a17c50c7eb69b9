package kz.qorgau.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kz.qorgau.breakglass.BreakGlassService;
import kz.qorgau.casefile.CaseFileRepository;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.CaseNoteService;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IdentityDocumentType;
import kz.qorgau.casefile.IncidentContext;
import kz.qorgau.casefile.IncidentDetails;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.PersonDetails;
import kz.qorgau.casefile.Relationship;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.casefile.Sex;
import kz.qorgau.mandate.Attendance;
import kz.qorgau.mandate.CourtMandate;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.protection.ProtectiveOrder;
import kz.qorgau.protection.ViolationConsequence;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Role;
import kz.qorgau.shared.persistence.SchemaReady;
import kz.qorgau.staff.StaffDirectory;
import kz.qorgau.trafficking.ExploitationType;
import kz.qorgau.trafficking.IdentificationStatus;
import kz.qorgau.trafficking.MeansOfControl;
import kz.qorgau.trafficking.RecruitmentType;
import kz.qorgau.trafficking.TraffickingService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Generated, obviously fictional cases for the demo realm, so that a first look at Qorgau shows every demo user
 * something to do: the social workers a list and cases at work, police their protective orders, the court the cases
 * before it, the NGO its referrals, the supervisors a closure to approve, an assigned case and an emergency access to
 * review. Family names mean "test", "example", "sample", "demo": nobody real. Only when {@code qorgau.demo-data=true}
 * (the embedded default) and only into an empty database; it goes through the same services as a person would, each
 * step as the demo user who would take it, so it obeys every rule.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private static final List<String> WOMEN = List.of("Айгерим", "Айгуль", "Динара", "Жанар", "Гульнара", "Асель",
            "Мадина", "Сауле", "Алия", "Ботагоз", "Меруерт", "Жансая", "Әсем", "Ақмарал", "Гүлназ", "Анна", "Ольга");
    private static final List<String> MEN = List.of("Ерлан", "Данияр", "Нұрлан", "Сергей");
    private static final List<String> FAMILY_STEMS = List.of("Тестов", "Примеров", "Демоев", "Образцов", "Вымыслов", "Условнов");

    // the demo realm's users, with the claims Keycloak gives them (infra/keycloak/qorgau-realm.json)
    private static final Caller AIGERIM = worker("aigerim", "ALM-CC", "ALM");
    private static final Caller DANA = worker("dana", "AST-CC", "AST");
    private static final Caller ZHANAR = worker("zhanar", "ALM-FSC", "ALM");
    private static final Caller NURLAN = new Caller("nurlan", Set.of(Role.SUPERVISOR), Optional.of("ALM-SPD"), Optional.of("ALM"));
    private static final Caller SERIK = new Caller("serik", Set.of(Role.POLICE), Optional.of("ALM-POL"), Optional.of("ALM"));
    private static final Caller ALIYA = new Caller("aliya", Set.of(Role.COURT), Optional.of("ALM-CRT"), Optional.of("ALM"));
    private static final Caller MADINA = new Caller("madina", Set.of(Role.NGO), Optional.of("ALM-NGO"), Optional.of("ALM"));

    private static final String COURT = "ALM-CRT";
    private static final String NGO = "ALM-NGO";
    private static final String COURSE_PROVIDER = "ALM-HC";
    private static final String ADAPTATION_CENTRE = "ALM-CSA";

    // notes and plans say nothing a real case would: no place, no address, no telephone, no name
    private static final List<String> NOTES = List.of(
            "Демо-запись: первичная консультация проведена, клиентка ознакомлена с правами и услугами центра.",
            "Демо-запись: обсудили план безопасности, следующая встреча через неделю.",
            "Демо-запись: консультация психолога, состояние клиентки стабильное.",
            "Демо-запись: согласовано направление к юристу, документы собраны.",
            "Демо-запись: телефонный контакт, новых угроз клиентка не сообщала.");
    private static final String SAFETY_PLAN = "Демо-план безопасности: условный сигнал тревоги оговорён с доверенным "
            + "человеком; документы и лекарства собраны в одном месте; при угрозе — звонок в полицию; "
            + "встречи с консультантом раз в неделю.";

    /** What {@link #generate()} made, by case number, for whoever wants to look at it first. */
    public record Showcase(int casesOpened, List<String> withOrders, List<String> beforeCourt, List<String> referred,
                           String assignedToZhanar, String closureRequested, String trafficking, String emergencyAccess) {
    }

    @Inject
    @ConfigProperty(name = "qorgau.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    CaseFileService service;

    @Inject
    CaseFileRepository cases;

    @Inject
    CaseWorkService work;

    @Inject
    CaseNoteService notes;

    @Inject
    ProtectionService protection;

    @Inject
    MandateService mandates;

    @Inject
    ReferralService referrals;

    @Inject
    TraffickingService trafficking;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    StaffDirectory staff;

    @Inject
    Clock clock;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (!enabled || !cases.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Showcase made = generate();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Demo data: " + made.casesOpened() + " fictional cases opened, " + made.withOrders().size()
                + " with protective orders, " + made.beforeCourt().size() + " before the court, "
                + made.referred().size() + " referred, in " + millis + " ms");
    }

    /**
     * Generates the demo cases, whatever the database holds already (the start-up only calls it into an empty one).
     * Deterministic: the same seed gives the same people and the same steps; dates are relative to today.
     */
    public Showcase generate() {
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock);
        // the demo realm's social workers, as if they had signed in once: a supervisor can assign cases to them
        staff.signedIn(AIGERIM, "Aigerim Demo");
        staff.signedIn(DANA, "Dana Demo");
        staff.signedIn(ZHANAR, "Zhanar Demo");
        int opened = open(random, AIGERIM, 36).size() + open(random, DANA, 12).size();

        // cases at work: risk, consents, a qualified incident, a safety plan, notes
        List<String> almaty = new ArrayList<>();
        List<PersonDetails> aggressors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String number = openOne(random, AIGERIM, today.minusDays(5 + random.nextInt(40)));
            PersonDetails aggressor = aggressor(random, today);
            runCase(random, AIGERIM, number, aggressor, today);
            almaty.add(number);
            aggressors.add(aggressor);
        }
        List<String> astana = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String number = openOne(random, DANA, today.minusDays(5 + random.nextInt(40)));
            runCase(random, DANA, number, aggressor(random, today), today);
            astana.add(number);
        }
        opened += almaty.size() + astana.size();

        List<String> withOrders = protectiveOrders(almaty.subList(0, 5), aggressors.subList(0, 5), today);
        // the violated order's case first: its court orders a psychocorrection course
        List<String> beforeCourt = List.of(almaty.get(3), almaty.get(1), almaty.get(5));
        courtMandates(beforeCourt, today);
        String traffickingCase = traffickingCase(today);
        opened++;
        List<String> referred = List.of(almaty.get(0), almaty.get(2), almaty.get(4), almaty.get(5), almaty.get(6), traffickingCase);
        referrals(referred, today);
        String assigned = assignedToZhanar(random, today);
        opened++;
        String closureRequested = almaty.get(8);
        work.requestClosure(AIGERIM, closureRequested, version(AIGERIM, closureRequested));
        String closed = almaty.get(9);
        work.requestClosure(AIGERIM, closed, version(AIGERIM, closed));
        work.approveClosure(NURLAN, closed, version(NURLAN, closed), "Демо: цели плана безопасности достигнуты, помощь оказана.");
        // an emergency access by one supervisor of Almaty, for the other to review
        breakGlass.open(NURLAN, astana.get(0), "Демо-данные: ночной запрос дежурной части, центр в Астане не отвечал.");
        return new Showcase(opened, withOrders, beforeCourt, referred, assigned, closureRequested, traffickingCase,
                astana.get(0));
    }

    private static Caller worker(String username, String organisation, String region) {
        return new Caller(username, Set.of(Role.SOCIAL_WORKER), Optional.of(organisation), Optional.of(region));
    }

    private List<String> open(Random random, Caller worker, int count) {
        LocalDate today = LocalDate.now(clock);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean woman = random.nextInt(10) < 9;
            NewCaseFile form = new NewCaseFile();
            form.setSex(woman ? Sex.FEMALE : Sex.MALE);
            form.setGivenName(pick(random, woman ? WOMEN : MEN));
            form.setFamilyName(pick(random, FAMILY_STEMS) + (woman ? "а" : ""));
            form.setBirthDate(today.minusYears(16 + random.nextInt(50)).minusDays(random.nextInt(365)));
            form.setRegionCode(worker.regionCode().orElseThrow());
            form.setKind(random.nextInt(6) == 0 ? CaseKind.TRAFFICKING : CaseKind.DOMESTIC_VIOLENCE);
            form.setIncidentDate(today.minusDays(random.nextInt(300)));
            form.setIncidentType(form.getKind() == CaseKind.TRAFFICKING ? GbvType.DENIAL_OF_RESOURCES
                    : pick(random, List.of(GbvType.values())));
            numbers.add(service.open(worker, form).toString());
        }
        return numbers;
    }

    /** A woman's domestic-violence case, first reported on {@code incidentDate}. */
    private String openOne(Random random, Caller worker, LocalDate incidentDate) {
        LocalDate today = LocalDate.now(clock);
        NewCaseFile form = new NewCaseFile();
        form.setSex(Sex.FEMALE);
        form.setGivenName(pick(random, WOMEN));
        form.setFamilyName(pick(random, FAMILY_STEMS) + "а");
        form.setBirthDate(today.minusYears(20 + random.nextInt(40)).minusDays(random.nextInt(365)));
        form.setRegionCode(worker.regionCode().orElseThrow());
        form.setKind(CaseKind.DOMESTIC_VIOLENCE);
        form.setIncidentDate(incidentDate);
        form.setIncidentType(pick(random, List.of(GbvType.PHYSICAL_ASSAULT, GbvType.PSYCHOLOGICAL_ABUSE)));
        return service.open(worker, form).toString();
    }

    private PersonDetails aggressor(Random random, LocalDate today) {
        return new PersonDetails(pick(random, FAMILY_STEMS), pick(random, MEN), null, null, null, Sex.MALE,
                today.minusYears(25 + random.nextInt(30)).minusDays(random.nextInt(365)), null, "KZ", null, null, null);
    }

    /** The social work of a case in its first weeks, as its worker records it. */
    private void runCase(Random random, Caller worker, String number, PersonDetails aggressor, LocalDate today) {
        work.activate(worker, number, version(worker, number));
        work.assessRisk(worker, number, version(worker, number), pick(random, List.of(RiskLevel.MEDIUM, RiskLevel.HIGH,
                RiskLevel.HIGH, RiskLevel.SEVERE)), today);
        work.giveConsent(worker, number, version(worker, number), ConsentScope.SERVICES, today);
        work.giveConsent(worker, number, version(worker, number), ConsentScope.DISCLOSURE, today);
        if (random.nextBoolean()) {
            work.giveConsent(worker, number, version(worker, number), ConsentScope.STATISTICS, today);
        }
        boolean physical = random.nextBoolean();
        LocalDate occurred = today.minusDays(1 + random.nextInt(4));
        IncidentDetails incident = new IncidentDetails(occurred,
                physical ? GbvType.PHYSICAL_ASSAULT : GbvType.PSYCHOLOGICAL_ABUSE, IncidentContext.INTIMATE_PARTNER,
                worker.regionCode().orElseThrow(), null,
                physical ? pick(random, List.of("KOAP-73", "UK-109-1", "UK-108-1")) : pick(random, List.of("KOAP-73", "UK-115")),
                aggressor, pick(random, List.of(Relationship.SPOUSE, Relationship.FORMER_SPOUSE, Relationship.PARTNER)),
                occurred);
        work.recordIncident(worker, number, version(worker, number), incident);
        work.reviseSafetyPlan(worker, number, -1, SAFETY_PLAN);
        int first = random.nextInt(NOTES.size());
        notes.write(worker, number, NOTES.get(first));
        notes.write(worker, number, NOTES.get((first + 1) % NOTES.size()));
    }

    /**
     * Orders of the Almaty police unit: two in force, one ending within the week (among the deadlines), one violated
     * and one revoked.
     */
    private List<String> protectiveOrders(List<String> numbers, List<PersonDetails> aggressors, LocalDate today) {
        int[] issuedDaysAgo = {2, 10, 25, 12, 18};
        String year = String.valueOf(today.getYear());
        for (int i = 0; i < numbers.size(); i++) {
            PersonDetails a = aggressors.get(i);
            Perpetrator perpetrator = new Perpetrator(a.familyName(), a.givenName(), a.patronymic(), a.birthDate());
            Long id = protection.issue(SERIK, numbers.get(i), "ЗП-ДЕМО-" + year + "-" + (i + 1),
                    today.minusDays(issuedDaysAgo[i]), perpetrator,
                    Set.of(Prohibition.NO_VIOLENCE, Prohibition.NO_SEEKING_OR_HARASSING, Prohibition.NO_CONTACT_BY_PHONE_OR_ONLINE));
            if (i == 3) {
                protection.recordViolation(SERIK, id, orderVersion(numbers.get(i), id), today.minusDays(5),
                        ViolationConsequence.ADMINISTRATIVE_ARREST, 3);
            } else if (i == 4) {
                protection.revoke(SERIK, id, orderVersion(numbers.get(i), id), today.minusDays(8),
                        "Демо-данные: отозвано начальником отдела после проверки.");
            }
        }
        return numbers;
    }

    /**
     * Cases brought before the Almaty court and its decisions: one with a psychocorrection course (sessions attended
     * and missed), one with a temporary eviction, one whose requirements end within the week.
     */
    private void courtMandates(List<String> numbers, LocalDate today) {
        work.bringBeforeCourt(SERIK, numbers.get(0), COURT);
        work.bringBeforeCourt(SERIK, numbers.get(1), COURT);
        work.bringBeforeCourt(AIGERIM, numbers.get(2), COURT);
        String year = String.valueOf(today.getYear());

        LocalDate start = today.minusDays(38);
        Long course = mandates.record(ALIYA, numbers.get(0), new MandateService.Decision("2-ДЕМО-1/" + year,
                today.minusDays(40), start, start.plusMonths(6).minusDays(1),
                Set.of(Requirement.NO_CONTACT, Requirement.NO_ALCOHOL_OR_DRUGS), 2, null, null, null, COURSE_PROVIDER, 8));
        for (int week = 5; week >= 1; week--) {
            Attendance attendance = week == 3 || week == 1 ? Attendance.MISSED : Attendance.ATTENDED;
            mandates.recordSession(ALIYA, course, mandateVersion(numbers.get(0), course), today.minusDays(7L * week), attendance);
        }

        LocalDate evictionStart = today.minusDays(14);
        mandates.record(ALIYA, numbers.get(1), new MandateService.Decision("2-ДЕМО-2/" + year, evictionStart,
                evictionStart, evictionStart.plusMonths(3).minusDays(1), Set.of(Requirement.NO_CONTACT, Requirement.NO_WEAPONS),
                null, ADAPTATION_CENTRE, evictionStart, evictionStart.plusDays(29), null, null));

        // the shortest period the law allows, ending in three days
        LocalDate end = today.plusDays(3);
        LocalDate shortStart = end.plusDays(1).minusMonths(3);
        mandates.record(ALIYA, numbers.get(2), new MandateService.Decision("2-ДЕМО-3/" + year, shortStart, shortStart,
                end, Set.of(Requirement.NO_CONTACT), 1, null, null, null, null, null));
    }

    /**
     * A foreign woman recruited by a job advertisement, whom the police identified as a victim of labour exploitation
     * before the crisis centre opened her case.
     */
    private String traffickingCase(LocalDate today) {
        NewCaseFile form = new NewCaseFile();
        form.setSex(Sex.FEMALE);
        form.setFamilyName("Примерова");
        form.setGivenName("Дильноза");
        form.setFamilyNameLatin("Primerova");
        form.setGivenNameLatin("Dilnoza");
        form.setCitizenship("UZ");
        form.setDocumentType(IdentityDocumentType.PASSPORT);
        form.setDocumentNumber("DEMO-0000001");
        form.setBirthDate(today.minusYears(24).minusDays(100));
        form.setRegionCode("ALM");
        form.setKind(CaseKind.TRAFFICKING);
        form.setIncidentDate(today.minusDays(60));
        form.setIncidentType(GbvType.DENIAL_OF_RESOURCES);
        String number = service.open(AIGERIM, form).toString();
        work.activate(AIGERIM, number, version(AIGERIM, number));
        work.giveConsent(AIGERIM, number, version(AIGERIM, number), ConsentScope.SERVICES, today);
        work.giveConsent(AIGERIM, number, version(AIGERIM, number), ConsentScope.DISCLOSURE, today);
        work.assessRisk(AIGERIM, number, version(AIGERIM, number), RiskLevel.HIGH, today);
        work.recordIncident(AIGERIM, number, version(AIGERIM, number), new IncidentDetails(today.minusDays(3),
                GbvType.DENIAL_OF_RESOURCES, IncidentContext.TRAFFICKING, "ALM", null, "UK-128", null, null, today.minusDays(3)));
        trafficking.identify(SERIK, number, -1, IdentificationStatus.VICTIM, today.minusDays(2),
                Set.of(ExploitationType.FORCED_LABOUR, ExploitationType.DOMESTIC_SERVITUDE),
                Set.of(MeansOfControl.CONFISCATION_OF_DOCUMENTS, MeansOfControl.WITHHOLDING_OF_EARNINGS, MeansOfControl.ISOLATION),
                "UZ", "KZ", RecruitmentType.JOB_ADVERTISEMENT);
        notes.write(AIGERIM, number, "Демо-запись: беседа с переводчиком, клиентке разъяснены права и порядок получения помощи.");
        return number;
    }

    /**
     * Referrals to the Almaty NGO, all sent with consent to disclosure: answered in every way a provider answers,
     * two still waiting for an answer. Their sending cannot be backdated, so none is overdue yet.
     */
    private void referrals(List<String> numbers, LocalDate today) {
        List<SpecialSocialService> services = List.of(SpecialSocialService.PSYCHOLOGICAL, SpecialSocialService.LEGAL,
                SpecialSocialService.PSYCHOLOGICAL, SpecialSocialService.SOCIAL_DOMESTIC, SpecialSocialService.LEGAL,
                SpecialSocialService.LEGAL);
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            Long id = referrals.propose(AIGERIM, number, services.get(i), NGO);
            referrals.send(AIGERIM, id, referralVersion(number, id));
            switch (i) {
                case 1 -> referrals.accept(MADINA, id, referralVersion(number, id));
                case 2 -> {
                    referrals.accept(MADINA, id, referralVersion(number, id));
                    referrals.recordDelivery(MADINA, id, referralVersion(number, id), today, new BigDecimal("1.5"));
                }
                case 3 -> referrals.decline(MADINA, id, referralVersion(number, id), DeclineReason.NO_CAPACITY);
                case 4 -> {
                    referrals.accept(MADINA, id, referralVersion(number, id));
                    referrals.recordDelivery(MADINA, id, referralVersion(number, id), today, new BigDecimal("2"));
                    referrals.complete(MADINA, id, referralVersion(number, id));
                }
                default -> {
                    // sent, waiting for the NGO's answer
                }
            }
        }
    }

    /** A crisis-centre case the region's supervisor hands to the Family Support Centre, where work begins. */
    private String assignedToZhanar(Random random, LocalDate today) {
        String number = openOne(random, AIGERIM, today.minusDays(3));
        work.assign(NURLAN, number, version(NURLAN, number), ZHANAR.username());
        work.activate(ZHANAR, number, version(ZHANAR, number));
        work.assessRisk(ZHANAR, number, version(ZHANAR, number), RiskLevel.MEDIUM, today);
        work.giveConsent(ZHANAR, number, version(ZHANAR, number), ConsentScope.SERVICES, today);
        notes.write(ZHANAR, number, "Демо-запись: первая встреча в центре поддержки семьи, следующая через неделю.");
        return number;
    }

    private long version(Caller caller, String number) {
        return work.readable(caller, number).version();
    }

    private long orderVersion(String number, Long id) {
        return protection.ofCase(SERIK, number).stream().filter(o -> o.id().equals(id)).findFirst()
                .map(ProtectiveOrder::version).orElseThrow();
    }

    private long mandateVersion(String number, Long id) {
        return mandates.ofCase(ALIYA, number).stream().filter(m -> m.id().equals(id)).findFirst()
                .map(CourtMandate::version).orElseThrow();
    }

    private long referralVersion(String number, Long id) {
        return referrals.ofCase(AIGERIM, number).stream().filter(r -> r.id().equals(id)).findFirst()
                .map(ReferralView::version).orElseThrow();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
