package kz.qorgau.web.faces;

import kz.qorgau.reference.LegalArticle;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.reference.ReferenceDataChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The choice lists of one node while the admin changes reference data on this node or another: the database's change
 * counter stands for what another node committed, a clock of our own for the seconds between looks.
 */
class OptionsTest {

    private final List<Organisation> organisations = new ArrayList<>();
    private final List<LegalArticle> articles = new ArrayList<>();
    private long counter;
    private boolean databaseAway;
    private int organisationReads;
    private int counterReads;
    private long now;
    private Options options;

    @BeforeEach
    void oneNode() {
        organisations.add(new Organisation("ALM-CRT", "Суд Алматы", OrganisationType.COURT, "ALM"));
        articles.add(new LegalArticle("UK-109-1", "УК РК", "ст. 109-1", "Побои", "Ұрып-соғу", "Battery"));
        options = new Options();
        options.nanoTime = () -> now;
        options.reference = new ReferenceData() {
            @Override
            public List<Organisation> organisations() {
                organisationReads++;
                return List.copyOf(organisations);
            }

            @Override
            public List<LegalArticle> legalArticles() {
                return List.copyOf(articles);
            }

            @Override
            public long version() {
                counterReads++;
                if (databaseAway) {
                    throw new IllegalStateException("connection refused");
                }
                return counter;
            }
        };
    }

    @Test
    void theListsAreReadOnceAndTheCounterAtMostEveryFewSeconds() {
        for (int render = 0; render < 100; render++) {
            assertThat(options.getCourts()).extracting(Organisation::code).containsExactly("ALM-CRT");
            now += 10_000_000; // 10 ms
        }
        assertThat(organisationReads).isOne();
        assertThat(counterReads).as("one second of renders").isOne();
        now += Options.LOOK_AGAIN_AFTER.toNanos();
        options.getCourts();
        assertThat(counterReads).isEqualTo(2);
        assertThat(organisationReads).as("nothing changed").isOne();
    }

    @Test
    void aChangeCommittedOnAnotherNodeIsSeenHereWithinTheInterval() {
        assertThat(options.getCourts()).hasSize(1);
        assertThat(options.getLegalArticles()).hasSize(1);

        // another node: the admin adds a court and deactivates the article; its transaction moves the counter
        organisations.add(new Organisation("AST-CRT", "Суд Астаны", OrganisationType.COURT, "AST"));
        articles.get(0).deactivate();
        counter++;

        now += Options.LOOK_AGAIN_AFTER.toNanos() - 1;
        assertThat(options.getCourts()).as("not yet looked").hasSize(1);
        now += 1;
        assertThat(options.getCourts()).extracting(Organisation::code).containsExactly("ALM-CRT", "AST-CRT");
        assertThat(options.getLegalArticles()).as("the article is no longer offered").isEmpty();
        assertThat(options.organisationName("AST-CRT")).isEqualTo("Суд Астаны");
    }

    @Test
    void theAdminsOwnNodeLooksAtOnceAfterTheCommit() {
        assertThat(options.getCourts()).hasSize(1);
        organisations.add(new Organisation("AST-CRT", "Суд Астаны", OrganisationType.COURT, "AST"));
        counter++;

        options.referenceDataChanged(new ReferenceDataChanged("Organisation", "AST-CRT"));

        assertThat(options.getCourts()).hasSize(2);
        assertThat(organisationReads).isEqualTo(2);
        now += Options.LOOK_AGAIN_AFTER.toNanos();
        options.getCourts();
        assertThat(organisationReads).as("the counter seen once is not a change again").isEqualTo(2);
    }

    @Test
    void whileTheDatabaseIsAwayTheListsReadBeforeStand() {
        assertThat(options.getCourts()).hasSize(1);
        databaseAway = true;
        now += Options.LOOK_AGAIN_AFTER.toNanos();
        assertThat(options.getCourts()).hasSize(1);
        assertThat(organisationReads).isOne();

        databaseAway = false;
        organisations.add(new Organisation("AST-CRT", "Суд Астаны", OrganisationType.COURT, "AST"));
        counter++;
        now += Options.LOOK_AGAIN_AFTER.toNanos();
        assertThat(options.getCourts()).as("the next look finds the change").hasSize(2);
    }
}
