package kz.qorgau.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kz.qorgau.shared.DateRange;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.web.faces.Options;
import kz.qorgau.web.lists.ListFiles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The query parameters of the lists' calls, read strictly: a code the list does not know, a day that is not ISO
 * ({@code 2026-11-30}) or a period ending before it starts is a 400 with its message, never an empty list. Codes may be
 * repeated ({@code status=ACTIVE&status=EXPIRED}) or separated by commas.
 */
final class ListParams {

    private ListParams() {
    }

    static <E extends Enum<E>> Set<E> codes(List<String> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String value : values == null ? List.<String>of() : values) {
            for (String code : value.split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                try {
                    set.add(Enum.valueOf(type, code.strip()));
                } catch (IllegalArgumentException unknown) {
                    throw new InvalidInputException("list.filter.unknown");
                }
            }
        }
        return set;
    }

    static DateRange period(String from, String to) {
        return new DateRange(day(from), day(to));
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("list.filter.unknown");
        }
    }

    static ListFiles.Format format(String format) {
        return Arrays.stream(ListFiles.Format.values()).filter(f -> f.name().equals(format)).findFirst()
                .orElseThrow(() -> new InvalidInputException("list.filter.unknown"));
    }

    /** A list's file as the answer, streamed as the database sends its rows, in the caller's language. */
    static <R> Response file(ListFiles.Format format, String name, String sheetKey, List<ListFiles.Column<R>> columns,
                             HttpHeaders headers, Options options, ListFiles.Rows<R> rows) {
        ListFiles files = new ListFiles(ApiErrors.Problem.language(headers.getAcceptableLanguages()), options);
        StreamingOutput body = out -> files.write(format, out, sheetKey, columns, rows);
        return Response.ok(body, format.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + name + format.extension + "\"").build();
    }
}
