package kz.qorgau.search;

import kz.qorgau.shared.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user typed into the search box, understood: a case number, an IIN, or the words of a name. A name needs at
 * least one word of three letters or more (shorter words are kept only beside such a word), so that "Ай" asks for more
 * instead of listing half the country. The words are reduced to their searchable form by the database itself
 * ({@code search_skeleton}), so the alphabet rules are written once.
 */
public record SearchText(SearchHit.Match kind, String value, List<String> words) {

    static final int MAX_LENGTH = 200;
    static final int MIN_LETTERS = 3;
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z]{3}-\\d{4}-\\d{6}");
    private static final Pattern IIN = Pattern.compile("\\d{12}");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,;.]+");

    public static SearchText of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("search.tooLong");
        }
        String compact = text.replace(" ", "");
        if (CASE_NUMBER.matcher(text).matches()) {
            return new SearchText(SearchHit.Match.NUMBER, text.toUpperCase(Locale.ROOT), List.of());
        }
        if (IIN.matcher(compact).matches()) {
            return new SearchText(SearchHit.Match.IIN, compact, List.of());
        }
        List<String> words = Arrays.stream(WORD_SEPARATORS.split(text)).filter(w -> letters(w) > 0).toList();
        List<String> searchable = words.stream().filter(w -> letters(w) >= MIN_LETTERS).toList();
        if (searchable.isEmpty()) {
            throw new InvalidInputException("search.tooShort");
        }
        // at most three words: a family, a given name and a patronymic
        return new SearchText(SearchHit.Match.NAME, text, searchable.subList(0, Math.min(3, searchable.size())));
    }

    private static int letters(String word) {
        return (int) word.codePoints().filter(Character::isLetter).count();
    }
}
