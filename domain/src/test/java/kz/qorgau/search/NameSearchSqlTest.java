package kz.qorgau.search;

import kz.qorgau.casefile.CaseListSql.Statement;
import kz.qorgau.casefile.CaseScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameSearchSqlTest {

    private static final CaseScope SOCIAL_WORKER = new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-CC", "aigerim");

    @Test
    void anOrganisationsKeysAreScopedByItAndHerAssignedCasesAreCheckedByHerName() {
        Statement s = NameSearchSql.byKeys(SOCIAL_WORKER, "=aigerim", null, 20);
        assertEquals(List.of("=aigerim", "ALM-CC", "aigerim"), s.parameters());
        assertTrue(s.sql().contains("search_scoped_keys(s.organisation_code, s.region_code, s.search_keys)"
                + " @> search_partition_keys('o', ?2, string_to_array(?1, ' '))"), s.sql());
        assertTrue(s.sql().contains("s.assigned_to = ?3 and s.search_keys @> string_to_array(?1, ' ')"), s.sql());
        assertTrue(s.sql().contains("limit 20"), s.sql());
        assertEquals(3, highestParameter(s));
    }

    @Test
    void beginningsLeaveOutWhatTheWholeWordsFoundInEachBranch() {
        Statement s = NameSearchSql.byKeys(SOCIAL_WORKER, "aig", "=aig", 7);
        assertEquals(List.of("aig", "=aig", "ALM-CC", "aigerim"), s.parameters());
        assertEquals(2, s.sql().split("not s.search_keys @> string_to_array\\(\\?2, ' '\\)", -1).length - 1, s.sql());
        assertTrue(s.sql().contains("limit 7"));
    }

    @Test
    void aRegionAsksItsOwnScopeAndACourtOnlyItsSubmissions() {
        Statement region = NameSearchSql.byKeys(new CaseScope(CaseScope.Partition.REGION, "ALM"), "=aigerim", null, 20);
        assertEquals(List.of("=aigerim", "ALM"), region.parameters());
        assertTrue(region.sql().contains("search_partition_keys('r', ?2,"), region.sql());
        assertFalse(region.sql().contains("assigned_to"));

        Statement court = NameSearchSql.byKeys(new CaseScope(CaseScope.Partition.COURT, "ALM-C1"), "=aigerim", null, 20);
        assertEquals(List.of("=aigerim", "ALM-C1"), court.parameters());
        assertTrue(court.sql().contains("court_submission b where b.court_code = ?2"), court.sql());
        assertFalse(court.sql().contains("search_partition_keys"));
    }

    private static int highestParameter(Statement s) {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(s.sql());
        int highest = 0;
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }
}
