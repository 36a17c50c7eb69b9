package kz.qorgau.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages show the access policy's answers and never work one out: no status, organisation code or permission name is
 * compared in EL. A rule typed again in a page drifts from the one the services enforce.
 */
class PagesAskThePolicyTest {

    private static final List<Pattern> RULES_IN_EL = List.of(
            // a status compared: which step a status allows is the status's answer, offered by the policy
            Pattern.compile("\\.status\\(\\)\\s+(eq|ne|==|!=)"),
            // an organisation code compared with the caller's: whose record it is, is the policy's partition
            Pattern.compile("organisationCode\\(\\)[^}]*\\b(eq|ne|==|!=)"),
            Pattern.compile("caller\\(\\)\\.organisationCode"),
            // a permission asked of a case page instead of the policy's answer for the case
            Pattern.compile("caseBacking\\.may\\("),
            Pattern.compile("currentUser\\.may\\('(CASE|NOTES|SAFETY|SECRET|PROTECTIVE|COURT|REFERRAL|TRAFFICKING|BREAK_GLASS_REVIEW|REFERENCE)"));

    /** Pages other work owns today; they ask a permission by name and are to follow (see the README). */
    private static final Set<String> NOT_YET = Set.of("cases/list.xhtml", "statistics/index.xhtml");

    @Test
    void noPageComparesAStatusAnOrganisationOrAPermission() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(webapp)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String name = webapp.relativize(page).toString().replace('\\', '/');
                if (NOT_YET.contains(name)) {
                    continue;
                }
                String text = Files.readString(page);
                for (Pattern rule : RULES_IN_EL) {
                    Matcher m = rule.matcher(text);
                    while (m.find()) {
                        found.add(name + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
