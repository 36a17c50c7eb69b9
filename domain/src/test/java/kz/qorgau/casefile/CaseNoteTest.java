package kz.qorgau.casefile;

import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.access.CaseFacts;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a counselling note may hold, and who may read and write the notes of a case. */
class CaseNoteTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    static final Caller AIGERIM = caller("aigerim", Role.SOCIAL_WORKER, "ALM-CC", "ALM");
    static final Caller ZHANAR = caller("zhanar", Role.SOCIAL_WORKER, "ALM-FSC", "ALM");
    static final Caller DANA = caller("dana", Role.SOCIAL_WORKER, "AST-CC", "AST");
    static final Caller NURLAN = caller("nurlan", Role.SUPERVISOR, "ALM-SPD", "ALM");
    static final Caller AST_SUPERVISOR = caller("bolat", Role.SUPERVISOR, "AST-SPD", "AST");
    static final Caller SERIK = caller("serik", Role.POLICE, "ALM-POL", "ALM");
    static final Caller ALIYA = caller("aliya", Role.COURT, "ALM-CRT", "ALM");
    static final Caller MADINA = caller("madina", Role.NGO, "ALM-NGO", "ALM");
    static final Caller ASEL = caller("asel", Role.ANALYST, "MIN-STAT", null);
    static final Caller ADMIN = caller("admin", Role.ADMIN, "MIN-IT", null);

    static Caller caller(String username, Role role, String organisation, String region) {
        return new Caller(username, Set.of(role), Optional.ofNullable(organisation), Optional.ofNullable(region));
    }

    static CaseFile almatyCase() {
        return CaseFile.open(new CaseNumber("ALM", 2026, 7), CaseKind.DOMESTIC_VIOLENCE,
                new Person("Тестова", "Айгуль", null, Sex.FEMALE, LocalDate.of(1990, 3, 1)),
                "ALM-CC", "aigerim", TODAY.minusDays(2), GbvType.PHYSICAL_ASSAULT, TODAY, NOW);
    }

    @Test
    void aNoteIsTrimmedAndSignedAndDated() {
        CaseNote note = CaseNote.write(7L, "  Позвонила, договорились о встрече.\n", "aigerim", "ALM-CC", NOW);
        assertThat(note.text()).isEqualTo("Позвонила, договорились о встрече.");
        assertThat(note.authorUsername()).isEqualTo("aigerim");
        assertThat(note.authorOrganisationCode()).isEqualTo("ALM-CC");
        assertThat(note.writtenAt()).isEqualTo(NOW);
        assertThat(note.caseFileId()).isEqualTo(7L);
    }

    @Test
    void anEmptyNoteIsRefused() {
        for (String empty : new String[]{null, "", "   \n\t "}) {
            assertThatThrownBy(() -> CaseNote.write(7L, empty, "aigerim", "ALM-CC", NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKeys()).asList()
                    .containsExactly("case.note.required");
        }
    }

    @Test
    void aNoteOfMoreThanFourThousandCharactersIsRefusedAfterTrimming() {
        String longest = "ж".repeat(CaseNote.MAX_LENGTH);
        assertThat(CaseNote.write(7L, "  " + longest + "  ", "aigerim", "ALM-CC", NOW).text()).hasSize(CaseNote.MAX_LENGTH);
        assertThatThrownBy(() -> CaseNote.write(7L, longest + "ж", "aigerim", "ALM-CC", NOW))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys()).asList()
                .containsExactly("case.note.tooLong");
    }

    @Test
    void theOwningOrganisationReadsAndWritesAndTheRegionsSupervisorOnlyReads() {
        CaseFile file = almatyCase();
        assertThat(access(file, AIGERIM).granted(CaseAction.READ_NOTES)).isTrue();
        assertThat(access(file, AIGERIM).granted(CaseAction.WRITE_NOTE)).isTrue();
        assertThat(access(file, NURLAN).granted(CaseAction.READ_NOTES)).isTrue();
        assertThat(access(file, NURLAN).granted(CaseAction.WRITE_NOTE)).isFalse();
    }

    @Test
    void policeCourtsNgosAnalystsAdminsAndOtherOrganisationsNeverReadNotes() {
        CaseFile file = almatyCase();
        for (Caller outsider : new Caller[]{SERIK, ALIYA, MADINA, ASEL, ADMIN, ZHANAR, DANA, AST_SUPERVISOR}) {
            assertThat(access(file, outsider).granted(CaseAction.READ_NOTES)).as(outsider.username()).isFalse();
            assertThat(access(file, outsider).granted(CaseAction.WRITE_NOTE)).as(outsider.username()).isFalse();
        }
    }

    @Test
    void theAssignedWorkerOfAnotherOrganisationReadsAndWritesNotesUntilUnassigned() {
        CaseFile file = almatyCase();
        file.assignTo(new kz.qorgau.staff.StaffMember(ZHANAR, "Zhanar Demo", NOW), NOW);
        assertThat(access(file, ZHANAR).granted(CaseAction.WORK)).isTrue();
        assertThat(access(file, ZHANAR).granted(CaseAction.READ_NOTES)).isTrue();
        assertThat(access(file, ZHANAR).granted(CaseAction.WRITE_NOTE)).isTrue();
        assertThat(access(file, SERIK).granted(CaseAction.READ_NOTES)).as("assignment opens nothing to the police").isFalse();

        file.unassign(NOW);
        assertThat(access(file, ZHANAR).granted(CaseAction.READ_NOTES)).isFalse();
        assertThat(access(file, ZHANAR).granted(CaseAction.WRITE_NOTE)).isFalse();
        assertThat(access(file, AIGERIM).granted(CaseAction.READ_NOTES)).isTrue();
    }

    @Test
    void aPoliceOfficerWithTheAssigneesUserNameStillReadsNoNotes() {
        CaseFile file = almatyCase();
        file.assignTo(new kz.qorgau.staff.StaffMember(ZHANAR, "Zhanar Demo", NOW), NOW);
        Caller samePoliceName = caller("zhanar", Role.POLICE, "ALM-POL", "ALM");
        assertThat(access(file, samePoliceName).granted(CaseAction.READ_NOTES)).isFalse();
        assertThat(access(file, samePoliceName).granted(CaseAction.WORK)).isFalse();
    }

    /** The access policy's answer for a case brought before no court, without emergency access. */
    private static CaseAccess access(CaseFile file, Caller caller) {
        return AccessPolicy.toCase(caller, CaseFacts.of(file, Set.of(), false));
    }
}
