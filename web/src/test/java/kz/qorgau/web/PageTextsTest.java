package kz.qorgau.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a page asks for exists in Russian, Kazakh and English: no user meets a "???key???". Keys built from an
 * enum ({@code msg['status.' += s]}) are checked for every constant of the enum named beside the prefix.
 */
class PageTextsTest {

    private static final Pattern LITERAL = Pattern.compile("msg\\['([\\w.-]+)'\\]");
    private static final Pattern PREFIXED = Pattern.compile("msg\\['([\\w.-]+\\.)' \\+=");

    /** The enum behind each prefix used with {@code +=} in pages. */
    private static final java.util.Map<String, Class<? extends Enum<?>>> ENUMS = java.util.Map.ofEntries(
            java.util.Map.entry("status.", kz.qorgau.casefile.CaseStatus.class),
            java.util.Map.entry("kind.", kz.qorgau.casefile.CaseKind.class),
            java.util.Map.entry("sex.", kz.qorgau.casefile.Sex.class),
            java.util.Map.entry("gbv.", kz.qorgau.casefile.GbvType.class),
            java.util.Map.entry("risk.", kz.qorgau.casefile.RiskLevel.class),
            java.util.Map.entry("consent.", kz.qorgau.casefile.ConsentScope.class),
            java.util.Map.entry("context.", kz.qorgau.casefile.IncidentContext.class),
            java.util.Map.entry("relationship.", kz.qorgau.casefile.Relationship.class),
            java.util.Map.entry("event.", kz.qorgau.timeline.CaseEventKind.class),
            java.util.Map.entry("service.", kz.qorgau.referral.SpecialSocialService.class),
            java.util.Map.entry("referralStatus.", kz.qorgau.referral.ReferralStatus.class),
            java.util.Map.entry("declineReason.", kz.qorgau.referral.DeclineReason.class),
            java.util.Map.entry("orderStatus.", kz.qorgau.protection.OrderStatus.class),
            java.util.Map.entry("prohibition.", kz.qorgau.protection.Prohibition.class),
            java.util.Map.entry("violation.", kz.qorgau.protection.ViolationConsequence.class),
            java.util.Map.entry("requirement.", kz.qorgau.mandate.Requirement.class),
            java.util.Map.entry("measure.", kz.qorgau.mandate.MandateMeasure.class),
            java.util.Map.entry("session.", kz.qorgau.mandate.Attendance.class),
            java.util.Map.entry("courseOutcome.", kz.qorgau.mandate.CourseOutcome.class),
            java.util.Map.entry("courseReport.", kz.qorgau.mandate.CourseReportKind.class),
            java.util.Map.entry("nonCompliance.", kz.qorgau.mandate.NonComplianceReason.class),
            java.util.Map.entry("deadline.", kz.qorgau.deadline.DeadlineKind.class),
            java.util.Map.entry("identification.", kz.qorgau.trafficking.IdentificationStatus.class),
            java.util.Map.entry("exploitation.", kz.qorgau.trafficking.ExploitationType.class),
            java.util.Map.entry("control.", kz.qorgau.trafficking.MeansOfControl.class),
            java.util.Map.entry("recruitment.", kz.qorgau.trafficking.RecruitmentType.class),
            java.util.Map.entry("document.", kz.qorgau.casefile.IdentityDocumentType.class),
            java.util.Map.entry("audit.", kz.qorgau.audit.AuditAction.class),
            java.util.Map.entry("party.", kz.qorgau.casefile.PartyRelation.class),
            java.util.Map.entry("orgType.", kz.qorgau.reference.OrganisationType.class),
            java.util.Map.entry("reviewOutcome.", kz.qorgau.breakglass.ReviewOutcome.class),
            java.util.Map.entry("reviewFinding.", kz.qorgau.breakglass.ReviewFinding.class),
            java.util.Map.entry("figure.", kz.qorgau.statistics.Figure.class),
            java.util.Map.entry("work.", kz.qorgau.worklist.WorkSection.class),
            java.util.Map.entry("search.match.", kz.qorgau.search.SearchHit.Match.class),
            java.util.Map.entry("dimension.", kz.qorgau.statistics.Dimension.class),
            java.util.Map.entry("statistics.periodKind.", kz.qorgau.statistics.Period.Kind.class),
            java.util.Map.entry("intake.step.", kz.qorgau.web.cases.NewCaseBacking.Step.class),
            java.util.Map.entry("summary.for.", kz.qorgau.caseview.SummaryRecipient.class),
            java.util.Map.entry("language.", kz.qorgau.preference.Language.class));

    static Set<String> keysUsedByPages() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(page);
                Matcher literal = LITERAL.matcher(text);
                while (literal.find()) {
                    keys.add(literal.group(1));
                }
                Matcher prefixed = PREFIXED.matcher(text);
                while (prefixed.find()) {
                    String prefix = prefixed.group(1);
                    if (prefix.equals("role.")) {
                        for (String role : kz.qorgau.shared.Role.NAMES) {
                            keys.add("role." + role);
                        }
                        continue;
                    }
                    Class<? extends Enum<?>> type = ENUMS.get(prefix);
                    assertThat(type).as("enum behind prefix " + prefix + " in " + page).isNotNull();
                    for (Enum<?> constant : type.getEnumConstants()) {
                        keys.add(prefix + constant.name());
                    }
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/kz/qorgau/web/messages" + suffix + ".properties"))) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyPageTextExistsInEveryLanguage() throws IOException {
        Set<String> keys = keysUsedByPages();
        assertThat(keys).contains("case.save", "status.CLOSED", "event.PROTECTIVE_ORDER_ISSUED");
        for (String suffix : new String[]{"", "_ru", "_kk"}) {
            Properties texts = bundle(suffix);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeIf(k -> texts.getProperty(k) != null && !texts.getProperty(k).isBlank());
            assertThat(missing).as("keys without a text in messages%s", suffix).isEmpty();
        }
    }

    /** Every section of a start page has its title and the heading of its day column in every language. */
    @Test
    void everyStartPageSectionIsNamedInEveryLanguage() throws IOException {
        for (String suffix : new String[]{"", "_ru", "_kk"}) {
            Properties texts = bundle(suffix);
            for (kz.qorgau.worklist.WorkSection section : kz.qorgau.worklist.WorkSection.values()) {
                assertThat(texts.getProperty("work." + section.name())).as("work.%s in messages%s", section, suffix).isNotBlank();
                assertThat(texts.getProperty("work." + section.name() + ".day")).as("work.%s.day in messages%s", section, suffix).isNotBlank();
            }
        }
    }

    /** Statistics speak of every figure, breakdown and value in every language: reports, files and the API too. */
    @Test
    void everyStatisticsTextExistsInEveryLanguage() throws IOException {
        Set<String> keys = new TreeSet<>(java.util.List.of("statistics.total", "statistics.all", "statistics.none",
                "statistics.change", "statistics.area.national", "statistics.file.sheet", "statistics.file.period",
                "statistics.file.area", "statistics.file.produced", "statistics.note.distinct", "statistics.note.multiple",
                "statistics.note.suppressed", "statistics.note.current", "home.keyFigures"));
        for (kz.qorgau.statistics.Figure f : kz.qorgau.statistics.Figure.values()) {
            keys.add("figure." + f.name());
            keys.add("figure." + f.name() + ".definition");
        }
        for (kz.qorgau.statistics.Period.Kind k : kz.qorgau.statistics.Period.Kind.values()) {
            keys.add("statistics.period.label." + k.name());
        }
        keys.remove("statistics.period.label.MONTH");
        java.util.Map<kz.qorgau.statistics.Dimension, String> prefixes = java.util.Map.of(
                kz.qorgau.statistics.Dimension.AGE_GROUP, "ageGroup.", kz.qorgau.statistics.Dimension.CITIZENSHIP, "citizenship.",
                kz.qorgau.statistics.Dimension.REQUIREMENT, "statistics.requirement.");
        prefixes.forEach((d, prefix) -> d.keys().forEach(v -> keys.add(prefix + v)));
        for (int m = 1; m <= 12; m++) {
            keys.add("statistics.month." + m);
        }
        for (String suffix : new String[]{"", "_ru", "_kk"}) {
            Properties texts = bundle(suffix);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeIf(k -> texts.getProperty(k) != null && !texts.getProperty(k).isBlank());
            assertThat(missing).as("statistics keys without a text in messages%s", suffix).isEmpty();
        }
    }
}
