package kz.qorgau.web.api;

import kz.qorgau.web.faces.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of a problem (RFC 9457) that need no server: its type, title, detail and instance. */
class ProblemsTest {

    @Test
    void everyKindHasItsOwnUriAndATitleInEachLanguage() {
        Set<String> uris = new TreeSet<>();
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.uri()).startsWith("/api/v1/problems/").matches("[a-z0-9/-]+");
            uris.add(type.uri());
            for (String language : List.of("ru", "kk", "en")) {
                assertThat(Messages.refusal(type.titleKey(), Locale.forLanguageTag(language)))
                        .as(type + " " + language).isNotEqualTo(type.titleKey()).isNotBlank();
            }
        }
        assertThat(uris).hasSize(ProblemType.values().length);
    }

    @Test
    void theKindFollowsTheStatusAndTheKeysSetApartKindsThatShareOne() {
        assertThat(ProblemType.of(400, List.of("api.badRequest"))).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.of(400, List.of("case.victim.familyName.required"))).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(ProblemType.of(404, List.of("api.nothingRecorded"))).isEqualTo(ProblemType.NOTHING_RECORDED);
        assertThat(ProblemType.of(404, List.of("api.noSuchResource"))).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.of(409, List.of("api.refusedByDatabase"))).isEqualTo(ProblemType.REFUSED_BY_DATABASE);
        assertThat(ProblemType.of(409, List.of("case.changedByOthers"))).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemType.of(412, List.of("case.changedByOthers"))).isEqualTo(ProblemType.PRECONDITION_FAILED);
        assertThat(ProblemType.of(428, List.of("api.preconditionRequired"))).isEqualTo(ProblemType.PRECONDITION_REQUIRED);
        assertThat(ProblemType.of(503, List.of("api.outcomeUnknown"))).isEqualTo(ProblemType.OUTCOME_UNKNOWN);
        assertThat(ProblemType.of(503, List.of("api.unavailable"))).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(ProblemType.of(422, List.of("api.idempotencyKeyReused"))).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aProblemSaysItsMessagesInTheCallersLanguageAndTheirJoinIsTheDetail() {
        var problem = ApiErrors.Problem.of(401, List.of("api.tokenRequired"), List.of(Locale.forLanguageTag("kk")), "/api/v1/cases");
        assertThat(problem.type()).isEqualTo("/api/v1/problems/unauthorized");
        assertThat(problem.title()).isEqualTo("Кіру қажет");
        assertThat(problem.detail()).startsWith("Алдымен кіріңіз").isEqualTo(problem.messages().get(0));
        assertThat(problem.instance()).isEqualTo("/api/v1/cases");
        var russian = ApiErrors.Problem.of(404, List.of("api.noSuchResource"), List.of(Locale.GERMAN), "/api/v1/x");
        assertThat(russian.title()).isEqualTo("Не найдено");
    }

    @Test
    void theInstanceNeverRepeatsANameOrAnIinPutIntoAPath() {
        assertThat(ProblemInstance.of("/api/v1/cases/ALM-2026-000123/notes")).isEqualTo("/api/v1/cases/ALM-2026-000123/notes");
        assertThat(ProblemInstance.of("/api/v1/protective-orders/42/revocation")).isEqualTo("/api/v1/protective-orders/42/revocation");
        assertThat(ProblemInstance.of("/api/v1/statistics/VICTIMS_ASSISTED")).isEqualTo("/api/v1/statistics/VICTIMS_ASSISTED");
        assertThat(ProblemInstance.of("/api/v1/cases/880402450123")).isEqualTo("/api/v1/cases");
        assertThat(ProblemInstance.of("/api/v1/cases/Zhanar Bekova/notes")).isEqualTo("/api/v1/cases");
        assertThat(ProblemInstance.of("/api/v1/cases/zhanar-bekova")).isEqualTo("/api/v1/cases");
        assertThat(ProblemInstance.of("/api/v1/cases/Бекова")).isEqualTo("/api/v1/cases");
        assertThat(ProblemInstance.of("/api/cases")).isEqualTo("/api/cases");
    }

    @Test
    void everySegmentOfTheApisPathsIsAWordTheInstanceKeeps() throws IOException {
        Pattern path = Pattern.compile("@Path\\(\"([^\"]+)\"\\)");
        Set<String> words = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/kz/qorgau/web/api"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = path.matcher(Files.readString(source));
                while (m.find()) {
                    for (String segment : m.group(1).split("/")) {
                        if (!segment.isEmpty() && !segment.startsWith("{")) {
                            words.add(segment);
                        }
                    }
                }
            }
        }
        assertThat(words).contains("cases", "revocation");
        assertThat(ProblemInstance.WORDS).containsAll(words);
    }
}
