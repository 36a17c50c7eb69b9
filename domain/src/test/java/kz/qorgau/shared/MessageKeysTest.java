package kz.qorgau.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal the model can give has a text in Russian, Kazakh and English: no user ever sees a bare key. */
class MessageKeysTest {

    private static final Pattern REFUSAL = Pattern.compile("(?:InvalidInputException|refusals\\.add)\\(\"([a-z][\\w.]+)\"\\)");
    private static final Pattern CONSTRAINT = Pattern.compile("message = \"\\{([\\w.]+)}\"");

    static Set<String> keysUsedInTheModel() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern p : new Pattern[]{REFUSAL, CONSTRAINT}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyRefusalHasATextInEachLanguage() throws IOException {
        Set<String> keys = keysUsedInTheModel();
        assertThat(keys).contains("case.victim.familyName.required", "person.iin.checkDigit", "case.closed.readOnly");
        for (String language : new String[]{"ru", "kk", "en"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
            Set<String> missing = new TreeSet<>(keys);
            missing.removeIf(key -> bundle.containsKey(key) && !bundle.getString(key).isBlank());
            assertThat(missing).as("keys without a %s text", language).isEmpty();
        }
    }

    @Test
    void russianAndKazakhTextsAreTheirOwnNotEnglishFallbacks() {
        ResourceBundle english = ResourceBundle.getBundle("ValidationMessages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        for (String language : new String[]{"ru", "kk"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
            for (String key : english.keySet()) {
                assertThat(bundle.getString(key)).as(language + " " + key).isNotEqualTo(english.getString(key));
            }
        }
    }
}
