package kz.qorgau.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kz.qorgau.casefile.CaseFileRepository;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Sex;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Role;
import kz.qorgau.shared.persistence.SchemaReady;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Generated, obviously fictional cases for the demo realm's social workers, so that a first look at Qorgau shows a
 * working list. Family names mean "test", "example", "sample", "demo": nobody real. Only when
 * {@code qorgau.demo-data=true} (the embedded default) and only into an empty database; it goes through the same
 * service as a person would, so it obeys every rule.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private static final List<String> WOMEN = List.of("Айгерим", "Айгуль", "Динара", "Жанар", "Гульнара", "Асель",
            "Мадина", "Сауле", "Алия", "Ботагоз", "Меруерт", "Жансая", "Әсем", "Ақмарал", "Гүлназ", "Анна", "Ольга");
    private static final List<String> MEN = List.of("Ерлан", "Данияр", "Нұрлан", "Сергей");
    private static final List<String> FAMILY_STEMS = List.of("Тестов", "Примеров", "Демоев", "Образцов", "Вымыслов", "Условнов");

    @Inject
    @ConfigProperty(name = "qorgau.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    CaseFileService service;

    @Inject
    CaseFileRepository cases;

    @Inject
    Clock clock;

    @Inject
    kz.qorgau.staff.StaffDirectory staff;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (!enabled || !cases.isEmpty()) {
            return;
        }
        Random random = new Random(2026);
        Caller aigerim = worker("aigerim", "ALM-CC", "ALM");
        Caller dana = worker("dana", "AST-CC", "AST");
        // the demo realm's social workers, as if they had signed in once: a supervisor can assign cases to them
        staff.signedIn(aigerim, "Aigerim Demo");
        staff.signedIn(dana, "Dana Demo");
        staff.signedIn(worker("zhanar", "ALM-FSC", "ALM"), "Zhanar Demo");
        int opened = open(random, aigerim, 36) + open(random, dana, 12);
        LOG.info(() -> "Demo data: " + opened + " fictional cases opened");
    }

    private static Caller worker(String username, String organisation, String region) {
        return new Caller(username, Set.of(Role.SOCIAL_WORKER), Optional.of(organisation), Optional.of(region));
    }

    private int open(Random random, Caller worker, int count) {
        LocalDate today = LocalDate.now(clock);
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
            service.open(worker, form);
        }
        return count;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
