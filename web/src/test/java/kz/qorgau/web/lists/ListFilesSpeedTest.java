package kz.qorgau.web.lists;

import kz.qorgau.casefile.CaseExportRow;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.web.cases.CaseListFiles;
import kz.qorgau.web.faces.Options;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the CSV writer turns case rows into a file, without a database: the application's share of an export.
 * Printed, never asserted (the machine is shared); rerun with
 * {@code ./mvnw -B -o test -pl web -Dtest=ListFilesSpeedTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ListFilesSpeedTest {

    private static final int ROWS = 300_000;

    @Test
    void theCaseListAsCsvWithoutADatabase() {
        ListFiles files = files();
        CaseExportRow[] sample = new CaseExportRow[1_000];
        Instant opened = Instant.parse("2026-03-01T04:05:00Z");
        CaseStatus[] statuses = CaseStatus.values();
        RiskLevel[] risks = RiskLevel.values();
        for (int i = 0; i < sample.length; i++) {
            sample[i] = new CaseExportRow("ALM-2026-" + String.format("%06d", i), "Тестова-" + i, "Айгерим",
                    i % 2 == 0 ? "ALM" : "AST", CaseKind.values()[i % CaseKind.values().length], statuses[i % statuses.length],
                    opened.plusSeconds(61L * i), i % 3 == 0 ? null : "aigerim", i % 5 == 0 ? null : risks[i % risks.length]);
        }
        long best = Long.MAX_VALUE;
        long bytes = 0;
        for (int round = 0; round < 4; round++) {
            Counting out = new Counting();
            long start = System.nanoTime();
            files.write(ListFiles.Format.CSV, out, "nav.cases", CaseListFiles.COLUMNS, sink -> {
                for (int i = 0; i < ROWS; i++) {
                    sink.accept(sample[i % sample.length]);
                }
            });
            best = Math.min(best, System.nanoTime() - start);
            bytes = out.bytes;
        }
        System.out.printf("CSV writer: %,d case rows (%,d bytes) in %,d ms at best of 4: %,d rows/s%n",
                ROWS, bytes, best / 1_000_000, ROWS * 1_000_000_000L / best);
        assertThat(bytes).isPositive();
    }

    @Test
    void theFileReadsBackAsTheRowsWereGiven() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CaseExportRow row = new CaseExportRow("ALM-2026-000001", "Тестова, \"Кавычки\"", "=1+2", "ALM",
                CaseKind.DOMESTIC_VIOLENCE, CaseStatus.OPEN, Instant.parse("2026-03-01T04:05:00Z"), null, RiskLevel.HIGH);
        files().write(ListFiles.Format.CSV, out, "nav.cases", CaseListFiles.COLUMNS, sink -> sink.accept(row));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("\uFEFFНомер,Фамилия,Имя,Регион,Вид дела,Статус,Открыто,Назначено,Риск");
            assertThat(in.readLine()).isEqualTo("ALM-2026-000001,\"Тестова, \"\"Кавычки\"\"\",'=1+2,Алматы,бытовое насилие,открыто,2026-03-01 09:05,,высокий");
            assertThat(in.readLine()).isNull();
        }
    }

    private static ListFiles files() {
        Locale ru = Locale.forLanguageTag("ru");
        Options names = new Options() {
            @Override
            public String regionName(String code, Locale locale) {
                return code.equals("ALM") ? "Алматы" : "Астана";
            }

            @Override
            public String organisationName(String code) {
                return code;
            }
        };
        return new ListFiles(ResourceBundle.getBundle("kz.qorgau.web.messages", ru), ru, names);
    }

    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
