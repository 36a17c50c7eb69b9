package kz.qorgau.web.errors;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorLogTest {

    @Test
    void aLoggedFailureKeepsItsTypesStackAndSqlStateButNoMessage() {
        SQLException refused = new SQLException("ERROR: duplicate key. Detail: Key (iin)=(900101400003) already exists.", "23505");
        RuntimeException failure = new IllegalStateException("could not save Тестова Айгуль", new RuntimeException("bind => [Тестова]", refused));

        StringWriter printed = new StringWriter();
        ErrorLog.withoutMessages(failure).printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .contains("java.lang.IllegalStateException", "Caused by: java.sql.SQLException [SQLState 23505]", "ErrorLogTest.java")
                .doesNotContain("Тестова").doesNotContain("900101400003").doesNotContain("duplicate");
    }

    @Test
    void referencesAreReadableAndRecognised() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String reference = ErrorLog.newReference();
            assertThat(ErrorLog.isReference(reference)).as(reference).isTrue();
            assertThat(reference).doesNotContain("0", "O", "1", "I");
            seen.add(reference);
        }
        assertThat(seen).hasSize(1000);
        assertThat(ErrorLog.isReference("Q-ABC<script>")).isFalse();
        assertThat(ErrorLog.isReference(null)).isFalse();
    }
}
